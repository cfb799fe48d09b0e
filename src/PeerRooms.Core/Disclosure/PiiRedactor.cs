using System.Text;
using System.Text.RegularExpressions;

namespace PeerRooms.Core.Disclosure;

/// <summary>What personal information was masked in a message.</summary>
public static class PiiKinds
{
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Address = "address";
}

/// <summary>The text to deliver and which kinds of personal information were masked in it.</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<string> Masked)
{
    public bool Changed => Masked.Count > 0;
}

/// <summary>
/// Masks phone numbers, email addresses and street addresses in a message before anyone receives it
/// (room policy <c>piiRedaction</c>, on by default). Pure and deterministic.
/// <para>
/// Guarantees: no run of 7 or more digits (of any script: ASCII, Arabic-Indic, Persian, ...) joined
/// only by spaces, dashes, dots, slashes or brackets survives, except date-shaped ones
/// (2024-01-15, 15/01/2024, 2019-2023) and those glued to a Latin letter (hex ids, GUIDs, codes);
/// no "local@domain.tld" survives, including spaced and
/// "(at)/(dot)" spellings. Street addresses are masked heuristically (English number + name + suffix,
/// Spanish "Calle ... 12", Arabic "شارع ... ١٢"). Text without such patterns comes back unchanged.
/// Not caught: numbers spelled out in words, addresses without a number.
/// </para>
/// </summary>
public static partial class PiiRedactor
{
    public const string PhoneMask = "[phone]";
    public const string EmailMask = "[email]";
    public const string AddressMask = "[address]";

    /// <summary>The fewest digits that make a phone number (local numbers without area code have 7).</summary>
    public const int MinPhoneDigits = 7;

    private const int MaxSeparatorRun = 3;

    /// <summary>
    /// Masks every pattern in <paramref name="text"/>. Each pattern runs only when its cheap pre-check
    /// (<see cref="PiiPreChecks"/>) finds what the pattern cannot match without, checked on the text as
    /// it is at that step; the pre-checks are necessary conditions, so the result is exactly what
    /// running every pattern gives (<see cref="RedactExhaustively"/>), while most chat messages (no
    /// digit, no "@", no spaced "at") skip the regexes entirely.
    /// </summary>
    public static RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string>? masked = null;
        var result = text;
        if (PiiPreChecks.MayContainEmail(result))
            result = Mask(Email(), result, EmailMask, PiiKinds.Email, ref masked, null);
        if (PiiPreChecks.MayContainSpelledEmail(result))
            result = Mask(SpelledEmail(), result, EmailMask, PiiKinds.Email, ref masked, null);
        if (PiiPreChecks.ContainsDigit(result))
        {
            result = Mask(EnglishAddress(), result, AddressMask, PiiKinds.Address, ref masked, IsPlausibleEnglishAddress);
            result = Mask(SpanishAddress(), result, AddressMask, PiiKinds.Address, ref masked, null);
            if (PiiPreChecks.MayContainArabicStreet(result))
                result = Mask(ArabicAddress(), result, AddressMask, PiiKinds.Address, ref masked, null);
            result = MaskPhones(result, ref masked);
        }
        return new RedactionResult(result, masked is null ? [] : masked);
    }

    /// <summary>Every pattern over the whole text, no pre-checks: the reference <see cref="Redact"/> must equal (tests).</summary>
    internal static RedactionResult RedactExhaustively(string text)
    {
        List<string>? masked = null;
        var result = Mask(Email(), text, EmailMask, PiiKinds.Email, ref masked, null);
        result = Mask(SpelledEmail(), result, EmailMask, PiiKinds.Email, ref masked, null);
        result = Mask(EnglishAddress(), result, AddressMask, PiiKinds.Address, ref masked, IsPlausibleEnglishAddress);
        result = Mask(SpanishAddress(), result, AddressMask, PiiKinds.Address, ref masked, null);
        result = Mask(ArabicAddress(), result, AddressMask, PiiKinds.Address, ref masked, null);
        result = MaskPhones(result, ref masked);
        return new RedactionResult(result, masked is null ? [] : masked);
    }

    private static void Note(ref List<string>? masked, string kind)
    {
        masked ??= new List<string>(3);
        if (!masked.Contains(kind)) masked.Add(kind);
    }

    private static string Mask(Regex pattern, string text, string mask, string kind, ref List<string>? masked, Func<Match, bool>? accept)
    {
        var hit = false;
        var result = pattern.Replace(text, m =>
        {
            if (accept is not null && !accept(m)) return m.Value;
            hit = true;
            return mask;
        });
        if (hit) Note(ref masked, kind);
        return result;
    }

    /// <summary>
    /// Scans for digit runs joined by separators (so "5 5 5 1 2 3 4", "٠٥٥-١٢٣-٤٥٦٧" and
    /// "+44 (20) 7946 0958" are one number each) and masks those with enough digits.
    /// </summary>
    private static string MaskPhones(string text, ref List<string>? masked)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            var startsNumber = char.IsDigit(text[i]) || (text[i] == '+' && i + 1 < text.Length && char.IsDigit(text[i + 1]));
            if (!startsNumber) { i++; continue; }
            var start = i > 0 && text[i - 1] == '(' ? i - 1 : i;
            var digits = 0;
            var end = i;
            var separators = 0;
            for (var j = i; j < text.Length; j++)
            {
                var c = text[j];
                if (char.IsDigit(c)) { digits++; end = j + 1; separators = 0; }
                else if (IsPhoneSeparator(c) || (c == '+' && j == i)) { if (++separators > MaxSeparatorRun) break; }
                else break;
            }
            if (digits >= MinPhoneDigits && !IsDateShaped(text.AsSpan(i, end - i)) && !IsPartOfLatinWord(text, i, end))
            {
                sb ??= new StringBuilder(text.Length);
                sb.Append(text, copied, start - copied).Append(PhoneMask);
                copied = end;
                Note(ref masked, PiiKinds.Phone);
            }
            i = Math.Max(end, i + 1);
        }
        if (sb is null) return text;
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    /// <summary>
    /// Digits glued to a Latin letter, directly or through non-space separators ("a1234567f" in a hex
    /// id, "-4627-4254-f3cf" in a GUID, "ABC1234567" in a code), are an identifier, not a phone number.
    /// Only Latin letters count: Arabic text often has no space before a number, which is still masked.
    /// </summary>
    private static bool IsPartOfLatinWord(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && IsPhoneSeparator(text[before]) && !char.IsWhiteSpace(text[before])) before--;
        var after = end;
        while (after < text.Length && IsPhoneSeparator(text[after]) && !char.IsWhiteSpace(text[after])) after++;
        return (before >= 0 && char.IsAsciiLetter(text[before])) || (after < text.Length && char.IsAsciiLetter(text[after]));
    }

    private static bool IsPhoneSeparator(char c) =>
        c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0' or '\u2009' or '\u202F' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    /// <summary>
    /// Real dates and year ranges are not phone numbers: 2024-01-15, 15/01/2024, 1.5.2023, 2019-2023.
    /// Only plausible values count (years 1900-2099, months 1-12, days 1-31), so "0571/2/58" is masked.
    /// </summary>
    private static bool IsDateShaped(ReadOnlySpan<char> candidate)
    {
        var groups = new List<int>(4);
        var lengths = new List<int>(4);
        int value = 0, length = 0;
        foreach (var c in candidate)
        {
            if (char.IsDigit(c)) { value = value * 10 + (int)char.GetNumericValue(c); length++; continue; }
            if (c == ' ') continue;
            if (length == 0) return false;
            groups.Add(value); lengths.Add(length); value = 0; length = 0;
        }
        groups.Add(value); lengths.Add(length);
        static bool Year(int v, int len) => len == 4 && v is >= 1900 and <= 2099;
        static bool Month(int v, int len) => len <= 2 && v is >= 1 and <= 12;
        static bool Day(int v, int len) => len <= 2 && v is >= 1 and <= 31;
        if (groups.Count == 2) return Year(groups[0], lengths[0]) && Year(groups[1], lengths[1]);
        if (groups.Count != 3) return false;
        return (Year(groups[0], lengths[0]) && Month(groups[1], lengths[1]) && Day(groups[2], lengths[2]))
            || (Year(groups[2], lengths[2]) && Day(groups[0], lengths[0]) && Day(groups[1], lengths[1])
                && (Month(groups[0], lengths[0]) || Month(groups[1], lengths[1])));
    }

    private static readonly HashSet<string> NotStreetNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "my", "your", "our", "their", "his", "her", "of", "on", "in", "at", "to", "down", "up",
        "into", "onto", "from", "off", "for", "and", "or", "by", "with", "across", "along", "over",
        "years", "year", "months", "month", "weeks", "week", "days", "day", "nights", "night", "hours", "hour",
        "minutes", "minute", "times", "miles", "mile", "km", "blocks", "block", "people", "friends", "kids", "more",
    };

    /// <summary>"5 miles down the road" is not an address: the words between number and suffix must read like a name.</summary>
    private static bool IsPlausibleEnglishAddress(Match m) =>
        m.Groups["name"].Captures.All(c => !NotStreetNameWords.Contains(c.Value.Trim()));

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]{1,64}\s*(?:@|＠|\(at\)|\[at\]|\{at\}|\(@\)|\[@\])\s*[\p{L}\p{N}\-]{1,63}(?:(?:\.|．|\s*\(dot\)\s*|\s*\[dot\]\s*|\s*\{dot\}\s*|\s+dot\s+|\s+punto\s+)[\p{L}\p{N}\-]{1,63})+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]{1,64}\s+(?:at|arroba)\s+[\p{L}\p{N}\-]{1,63}(?:(?:\.|\s*\(dot\)\s*|\s*\[dot\]\s*|\s+dot\s+|\s+punto\s+)[\p{L}\p{N}\-]{1,63})*?(?:\.|\s*\(dot\)\s*|\s*\[dot\]\s*|\s+dot\s+|\s+punto\s+)(?:com|org|net|edu|gov|io|me|co|info|biz|es|mx|ar|cl|co|pe|uk|us|de|fr|ca|au|sa|ae|eg|ma|jo|lb)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledEmail();

    [GeneratedRegex(@"\b\d{1,6}[A-Za-z]?(?<name>\s+[\p{L}'.\-]+){1,4}?\s+(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|circle|cir|highway|hwy|parkway|pkwy|square|sq)\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishAddress();

    [GeneratedRegex(@"\b(?:calle|c/|avenida|avda\.?|av\.|paseo|plaza|camino|carrera|carretera|calzada|pasaje|ronda)\s+(?:[\p{L}'.\-]+\s+){0,4}?(?:n[º°o]\.?\s*|#\s*|,\s*)?\p{Nd}{1,5}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpanishAddress();

    [GeneratedRegex(@"(?:شارع|جادة|زقاق)\s+(?:\p{L}+\s+){0,3}?(?:رقم\s*)?\p{Nd}{1,5}|\p{Nd}{1,5}\s+(?:شارع|جادة|زقاق)\s+\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicAddress();
}
