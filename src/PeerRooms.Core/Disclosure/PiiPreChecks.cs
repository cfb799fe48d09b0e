using System.Buffers;

namespace PeerRooms.Core.Disclosure;

/// <summary>
/// Cheap, vectorised necessary conditions for <see cref="PiiRedactor"/>'s patterns, so the regexes
/// run only on text that could match them. Each check answers "this pattern cannot match" only when
/// the text lacks something every match contains; a <c>true</c> is merely "run the pattern". A wrong
/// <c>false</c> would let personal information through, so each check mirrors its pattern literally
/// (see the comments) and a property test compares <see cref="PiiRedactor.Redact"/> with
/// <see cref="PiiRedactor.RedactExhaustively"/> over generated text.
/// </summary>
internal static class PiiPreChecks
{
    /// <summary>
    /// Every UTF-16 code unit that <c>char.IsDigit</c> (= regex <c>\d</c> / <c>\p{Nd}</c>) accepts: ASCII,
    /// Arabic-Indic, Persian, Devanagari, full-width... Regex and the phone scan work on code units,
    /// so digits outside the BMP never match them either.
    /// </summary>
    private static readonly SearchValues<char> Digits =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsDigit).ToArray());

    private static readonly SearchValues<char> AtSigns = SearchValues.Create("@＠");

    /// <summary>Every match of the address, phone and Spanish/Arabic address patterns contains a decimal digit.</summary>
    public static bool ContainsDigit(string text) => text.AsSpan().ContainsAny(Digits);

    /// <summary>
    /// The email pattern's separator is one of <c>@ ＠ (at) [at] {at} (@) [@]</c> (case-insensitive):
    /// an at sign, or "at" in brackets.
    /// </summary>
    public static bool MayContainEmail(string text)
    {
        var span = text.AsSpan();
        return span.ContainsAny(AtSigns)
            || span.Contains("(at)", StringComparison.OrdinalIgnoreCase)
            || span.Contains("[at]", StringComparison.OrdinalIgnoreCase)
            || span.Contains("{at}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The spelled-out email pattern needs <c>\s+(at|arroba)\s+</c>: the word with white space on both sides.</summary>
    public static bool MayContainSpelledEmail(string text) => HasSpacedWord(text, "at") || HasSpacedWord(text, "arroba");

    /// <summary>The Arabic address pattern needs one of its street words (matched without case folding).</summary>
    public static bool MayContainArabicStreet(string text) =>
        text.Contains("شارع", StringComparison.Ordinal) || text.Contains("جادة", StringComparison.Ordinal) || text.Contains("زقاق", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="word"/> occurs (ignoring ASCII case) with white space (regex <c>\s</c>) right before and after it.</summary>
    private static bool HasSpacedWord(string text, string word)
    {
        var from = 1;
        while (from < text.Length)
        {
            var at = text.AsSpan(from).IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            at += from;
            var end = at + word.Length;
            if (end < text.Length && char.IsWhiteSpace(text[at - 1]) && char.IsWhiteSpace(text[end])) return true;
            from = at + 1;
        }
        return false;
    }
}
