using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Chat;

/// <summary>Shape checks for identifiers and text arriving from clients. Throw before any state changes.</summary>
public static class InputRules
{
    public const int MaxIdLength = 64;

    /// <summary>Room ids, client message ids: 1-64 chars of [A-Za-z0-9_-].</summary>
    public static string RequireId(string? value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdLength)
            throw PeerRoomsException.Invalid($"{name} must be 1-{MaxIdLength} characters");
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw PeerRoomsException.Invalid($"{name} may contain only letters, digits, '-' and '_'");
        }
        return value;
    }

    /// <summary>Message text: non-empty after trimming, within the limit, well-formed UTF-16.</summary>
    public static string RequireMessageText(string? text, ChatLimits limits)
    {
        if (string.IsNullOrWhiteSpace(text)) throw PeerRoomsException.Invalid("text must not be empty");
        if (text.Length > limits.MaxMessageLength)
            throw new PeerRoomsException(ErrorCodes.MessageTooLong, $"text must be at most {limits.MaxMessageLength} characters");
        RequireWellFormed(text, "text");
        return text;
    }

    /// <summary>Lone surrogates cannot be encoded for other clients; refuse them rather than mangle them.</summary>
    public static void RequireWellFormed(string text, string name)
    {
        if (!IsWellFormedUtf16(text))
            throw PeerRoomsException.Invalid($"{name} is not well-formed text");
    }

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return false;
        }
        return true;
    }
}
