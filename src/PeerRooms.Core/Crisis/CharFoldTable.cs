using System.Globalization;
using System.Text;

namespace PeerRooms.Core.Crisis;

/// <summary>
/// A per-UTF-16-unit lookup that does the context-free part of normalisation in one array read:
/// lower-casing, fullwidth folding, Latin diacritic removal, Arabic letter unification, digit
/// unification and the classification of punctuation. Built once; immutable afterwards (the array
/// is never exposed), so sharing it is safe.
/// </summary>
internal static class CharFoldTable
{
    /// <summary>Marker: drop the character (zero-width, combining mark, tashkeel, tatweel, apostrophe).</summary>
    public const char Drop = '\0';

    /// <summary>Marker and output: a word separator.</summary>
    public const char Space = ' ';

    /// <summary>Marker and output: a clause separator; context windows never cross it.</summary>
    public const char Clause = '.';

    private static readonly char[] Table = Build();

    /// <summary>The folded form of <paramref name="c"/>, or one of the markers.</summary>
    public static char Fold(char c) => Table[c];

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = Classify((char)i);
        }

        return table;
    }

    private static char Classify(char c)
    {
        switch (c)
        {
            // Zero-width space/joiners, word joiner, BOM, soft hyphen, Arabic tatweel, apostrophes
            // (so "don't" and "dont" are one word), Mongolian vowel separator.
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u0640' or '\u180E'
                or '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4':
                return Drop;

            // Clause breaks (Latin and Arabic punctuation, line breaks).
            case '.' or ',' or ';' or ':' or '!' or '?' or '\u2026' or '\u060C' or '\u061B' or '\u061F'
                or '\u06D4' or '\n' or '\r' or '\u00BF' or '\u00A1' or '\uFF0C' or '\uFF0E' or '\uFF01' or '\uFF1F':
                return Clause;

            // Unify Arabic letter variants: alef forms, alef maqsura, ta marbuta, hamza carriers,
            // Persian ya/kaf.
            case '\u0623' or '\u0625' or '\u0622' or '\u0671': return '\u0627';
            case '\u0649' or '\u0626' or '\u06CC': return '\u064A';
            case '\u0629': return '\u0647';
            case '\u0624': return '\u0648';
            case '\u06A9': return '\u0643';
        }

        // Arabic-Indic and extended (Persian) digits to ASCII.
        if (c is >= '\u0660' and <= '\u0669') return (char)('0' + (c - '\u0660'));
        if (c is >= '\u06F0' and <= '\u06F9') return (char)('0' + (c - '\u06F0'));

        // Fullwidth ASCII to ASCII (then folded again below).
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return Classify((char)(c - 0xFEE0));
        }

        if (c is >= '\uFE00' and <= '\uFE0F')
        {
            return Drop; // variation selectors ("⚰️" is U+26B0 U+FE0F)
        }

        if (char.IsSurrogate(c))
        {
            return c; // emoji outside the BMP: matched by lexicon entries as-is
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        switch (category)
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                return Drop; // includes Arabic tashkeel (U+064B-U+065F, U+0670)
            case UnicodeCategory.OtherSymbol:
                return c; // BMP emoji and pictographs (🪢 is astral, ⚰ is not)
            case UnicodeCategory.DecimalDigitNumber:
                var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
                return digit >= 0 ? (char)('0' + digit) : Space;
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                return FoldLetter(c);
            default:
                return Space;
        }
    }

    private static char FoldLetter(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (lower is 'ß') return 's';
        if (lower is 'æ') return 'a';
        if (lower is 'ø') return 'o';
        if (lower is 'ı') return 'i';
        if (lower < '\u00C0' || lower > '\u024F' && (lower < '\u1E00' || lower > '\u1EFF'))
        {
            return lower;
        }

        // Latin with diacritics: keep the base letter of the canonical decomposition.
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && decomposed[0] < '\u0080' ? decomposed[0] : lower;
    }
}
