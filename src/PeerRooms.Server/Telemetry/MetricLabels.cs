using PeerRooms.Core.Errors;

namespace PeerRooms.Server.Telemetry;

/// <summary>
/// Keeps metric label values to small, non-personal vocabularies. A value that is not a short
/// lower-case token (or, for codes, not in the catalogue) becomes <c>other</c>: labels can never
/// carry names, text or ids, and their cardinality stays bounded.
/// </summary>
public static class MetricLabels
{
    public const string Other = "other";
    private const int MaxLength = 40;

    /// <summary>The value if it looks like a vocabulary token ([A-Za-z0-9_.-], at most 40 chars), else <c>other</c>.</summary>
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "none";
        if (value.Length > MaxLength) return Other;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) return Other;
        }
        // Digits-only or id-shaped values (e.g. "p_3f9a...") are not vocabulary words.
        return value.Any(char.IsAsciiDigit) && value.Length > 12 ? Other : value;
    }

    /// <summary>A catalogue code, or <c>other</c>.</summary>
    public static string ErrorCode(string code) => ErrorCodes.All.Contains(code) ? code : Other;
}
