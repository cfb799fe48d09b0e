using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;

namespace PeerRooms.Client;

/// <summary>
/// A hub call the server refused. <see cref="Code"/> is one of the published catalogue codes
/// (<see cref="ErrorCodes"/>, docs/protocol.md), so callers branch on it instead of on message text.
/// A refused call changed nothing on the server and the connection stays usable.
/// </summary>
public sealed class PeerRoomsHubException : Exception
{
    /// <summary>Creates the exception for a refused call.</summary>
    /// <param name="code">The catalogue code.</param>
    /// <param name="method">The hub method that was refused.</param>
    /// <param name="message">The server's explanation.</param>
    /// <param name="inner">The SignalR exception it came from, if any.</param>
    public PeerRoomsHubException(string code, string method, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Method = method;
    }

    /// <summary>The catalogue code, e.g. <c>not_member</c>; <c>internal_error</c> when the server sent none.</summary>
    public string Code { get; }

    /// <summary>The hub method that was refused.</summary>
    public string Method { get; }

    /// <summary>
    /// Translates a SignalR <see cref="HubException"/> ("... HubException: code: explanation") into a
    /// typed one. Messages without a catalogue code map to <see cref="ErrorCodes.Internal"/>.
    /// </summary>
    public static PeerRoomsHubException FromHubException(string method, HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = HubErrorMessages.TryParseCode(exception.Message) ?? ErrorCodes.Internal;
        var marker = exception.Message.IndexOf(code + ": ", StringComparison.Ordinal);
        var explanation = marker >= 0 ? exception.Message[(marker + code.Length + 2)..] : exception.Message;
        return new PeerRoomsHubException(code, method, explanation, exception);
    }
}
