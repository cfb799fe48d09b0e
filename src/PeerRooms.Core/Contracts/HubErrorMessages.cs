using System.Text.RegularExpressions;

namespace PeerRooms.Core.Contracts;

/// <summary>
/// The server throws HubException("code: explanation"). SignalR delivers it to clients as
/// "An unexpected error occurred invoking 'Method' on the server. HubException: code: explanation",
/// so clients find the code after "HubException: " (or at the start, for other transports).
/// </summary>
public static partial class HubErrorMessages
{
    public static string Format(string code, string explanation) => $"{code}: {explanation}";

    /// <summary>The catalogue code in a hub error message, or null when there is none.</summary>
    public static string? TryParseCode(string? message)
    {
        if (string.IsNullOrEmpty(message)) return null;
        var m = CodePattern().Match(message);
        return m.Success ? m.Groups["code"].Value : null;
    }

    [GeneratedRegex(@"(?:^|HubException: )(?<code>[a-z]+(?:_[a-z]+)*): ", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
