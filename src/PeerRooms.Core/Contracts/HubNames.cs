namespace PeerRooms.Core.Contracts;

/// <summary>Hub paths and the names of server-to-client events: the wire contract (docs/protocol.md).</summary>
public static class HubPaths
{
    public const string Rooms = "/hubs/rooms";
    public const string Crisis = "/hubs/crisis";
}

/// <summary>Events the rooms hub sends to clients.</summary>
public static class RoomEvents
{
    public const string ParticipantJoined = "ParticipantJoined";
    public const string ParticipantLeft = "ParticipantLeft";
    public const string MessageReceived = "MessageReceived";
    public const string Typing = "Typing";
    public const string RoomClosed = "RoomClosed";
}

/// <summary>
/// Why the server took someone out of a room. Terminal reasons tell clients not to reconnect to that
/// room on their own; the others allow it.
/// </summary>
public static class CloseReasons
{
    public const string Removed = "removed";
    public const string Banned = "banned";
    public const string SessionEnded = "session_ended";
    public const string RoomArchived = "room_archived";
    public const string NodeShutdown = "node_shutdown";
    /// <summary>A facilitator turned the participant away from the lobby.</summary>
    public const string Denied = "denied";
    /// <summary>A facilitator timed the participant out for some minutes; they may rejoin (by hand) afterwards.</summary>
    public const string TimedOut = "timed_out";

    public static bool IsTerminal(string reason) => reason is Removed or Banned or SessionEnded or RoomArchived or Denied or TimedOut;
}
