namespace PeerRooms.Core.Errors;

/// <summary>
/// A domain rule was broken. Carries a stable <see cref="ErrorCodes"/> code; adapters translate it
/// (HubException on hubs, ProblemDetails over HTTP). Thrown before any state changes, so a refused
/// call leaves state as it was.
/// </summary>
public sealed class PeerRoomsException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static PeerRoomsException Invalid(string message) => new(ErrorCodes.InvalidArgument, message);
    public static PeerRoomsException Forbidden(string message) => new(ErrorCodes.Forbidden, message);
    public static PeerRoomsException NotFound(string message) => new(ErrorCodes.NotFound, message);
}
