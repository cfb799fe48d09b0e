using System.Text;
using System.Text.RegularExpressions;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Chat;

/// <summary>
/// Pseudonym rules. People choose what they are called; the server refuses names that would expose
/// contact details (an email address, a phone number, a URL), because a participant typing their
/// real contact into the name box is a common, costly mistake.
/// <para>
/// Names are normalised first (Unicode NFKC, invisible characters removed, runs of spaces folded) so
/// that look-alikes cannot slip past the checks ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ") or past the
/// per-session uniqueness check ("Alice" vs "Al\u200Bice" vs "Ａｌｉｃｅ"). Bidirectional override
/// characters are refused outright: they only serve to make a name display differently from what it is.
/// </para>
/// </summary>
public static partial class DisplayNameRules
{
    public static string Validate(string? name, ChatLimits limits)
    {
        var raw = name ?? "";
        if (raw.Any(IsBidiOverride))
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, "display name must not contain text-direction override characters");
        if (!IsWellFormed(raw))
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, "display name is not well-formed text");
        var normalised = Normalise(raw);
        if (normalised.Length == 0 || normalised.Length > limits.MaxDisplayNameLength)
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, $"display name must be 1-{limits.MaxDisplayNameLength} characters");
        InputRules.RequireWellFormed(normalised, "display name");
        if (DescribeContactDetail(normalised) is { } what)
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, $"display name must not be {what}");
        return normalised;
    }

    /// <summary>
    /// "an email address", "a web address" or "a phone number" when <paramref name="text"/> looks like
    /// one (7 or more digits of any script count as a phone number); null otherwise. Shared with the
    /// free-text personal attributes.
    /// </summary>
    public static string? DescribeContactDetail(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        if (LooksLikeEmail().IsMatch(folded)) return "an email address";
        if (LooksLikeUrl().IsMatch(folded)) return "a web address";
        if (folded.Count(char.IsDigit) >= 7) return "a phone number";
        return null;
    }

    /// <summary>NFKC, invisible characters removed, whitespace runs folded to one space, trimmed.</summary>
    internal static string Normalise(string name)
    {
        var s = name.IsNormalized(NormalizationForm.FormKC) ? name : name.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (IsInvisible(c)) continue;
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Zero-width space, word joiner, BOM, soft hyphen and direction marks: they change nothing visible.</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u180E';

    private static bool IsBidiOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>NFKC normalisation throws on lone surrogates; refuse those before normalising.</summary>
    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(s[i])) return false;
        }
        return true;
    }

    [GeneratedRegex(@"[^\s@]+(\s*(@|\(at\)|\[at\])\s*|\s+(at|arroba)\s+)[^\s@]+(\s*(\.|\(dot\)|\[dot\])\s*|\s+(dot|punto)\s+)[a-z]{2,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeEmail();

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]+\.(com|org|net|io|me|co|app|ly|gg|info|biz|xyz|tv|us|uk|es|mx|ar)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeUrl();
}
