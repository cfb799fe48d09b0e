using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Moderation;

/// <summary>The media a facilitator can ask or force off.</summary>
public static class MediaKinds
{
    public const string Mic = "mic";
    public const string Camera = "camera";

    public static string Require(string? kind) => kind is Mic or Camera
        ? kind : throw PeerRoomsException.Invalid("kind must be \"mic\" or \"camera\"");
}
