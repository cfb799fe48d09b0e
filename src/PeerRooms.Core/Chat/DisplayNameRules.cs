using System.Text.RegularExpressions;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Chat;

/// <summary>
/// Pseudonym rules. People choose what they are called; the server refuses names that would expose
/// contact details (an email address, a phone number, a URL), because a participant typing their
/// real contact into the name box is a common, costly mistake.
/// </summary>
public static partial class DisplayNameRules
{
    public static string Validate(string? name, ChatLimits limits)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > limits.MaxDisplayNameLength)
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, $"display name must be 1-{limits.MaxDisplayNameLength} characters");
        InputRules.RequireWellFormed(trimmed, "display name");
        if (LooksLikeEmail().IsMatch(trimmed))
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, "display name must not be an email address");
        if (LooksLikeUrl().IsMatch(trimmed))
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, "display name must not be a web address");
        if (CountDigits(trimmed) >= 7)
            throw new PeerRoomsException(ErrorCodes.InvalidDisplayName, "display name must not be a phone number");
        return trimmed;
    }

    /// <summary>Counts ASCII, Arabic-Indic and Persian digits, so spaced or localised numbers are caught too.</summary>
    private static int CountDigits(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsDigit(c)) n++;
        }
        return n;
    }

    [GeneratedRegex(@"[^\s@]+(\s*(@|\(at\)|\[at\])\s*|\s+at\s+)[^\s@]+(\s*(\.|\(dot\)|\[dot\])\s*|\s+dot\s+)[a-z]{2,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeEmail();

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]+\.(com|org|net|io|me|co|app|ly|gg|info|biz|xyz|tv|us|uk|es|mx|ar)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeUrl();
}
