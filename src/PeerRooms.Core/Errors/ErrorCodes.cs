namespace PeerRooms.Core.Errors;

/// <summary>
/// The published catalogue of error codes. A failed hub call surfaces as a HubException whose
/// message starts with one of these codes followed by ": " and a human explanation. Codes are a
/// wire contract shared with the .NET and JS clients and documented in docs/protocol.md: never
/// rename one, only add.
/// </summary>
public static class ErrorCodes
{
    public const string InvalidArgument = "invalid_argument";
    public const string NotFound = "not_found";
    public const string NotMember = "not_member";
    public const string Forbidden = "forbidden";
    public const string Unauthenticated = "unauthenticated";
    public const string MessageTooLong = "message_too_long";
    public const string RoomFull = "room_full";
    public const string RoomArchived = "room_archived";
    public const string TooManyRooms = "too_many_rooms";
    public const string InvalidDisplayName = "invalid_display_name";
    public const string DisplayNameTaken = "display_name_taken";
    public const string GuidelinesNotAccepted = "guidelines_not_accepted";
    public const string Muted = "muted";
    public const string Banned = "banned";
    public const string RoomLocked = "room_locked";
    public const string InLobby = "in_lobby";
    public const string SessionNotStarted = "session_not_started";
    public const string SlowMode = "slow_mode";
    public const string RateLimited = "rate_limited";
    public const string Conflict = "conflict";
    public const string Unavailable = "unavailable";
    public const string Internal = "internal_error";
    public const string TimedOut = "timed_out";
    public const string SessionPaused = "session_paused";
    public const string MediaForcedOff = "media_forced_off";

    /// <summary>An escalation case is already claimed by someone else.</summary>
    public const string AlreadyClaimed = "already_claimed";

    /// <summary>The operation is not allowed in the object's current state (e.g. resolving a resolved case).</summary>
    public const string InvalidState = "invalid_state";

    /// <summary>The user already holds <c>PeerRooms:Limits:MaxConnectionsPerUser</c> connections on this node.</summary>
    public const string TooManyConnections = "too_many_connections";

    /// <summary>An administrator revoked the user's access (disconnected and blocked until a given time).</summary>
    public const string AccessRevoked = "access_revoked";

    /// <summary>Every code in the catalogue, for tests and documentation checks.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        InvalidArgument, NotFound, NotMember, Forbidden, Unauthenticated, MessageTooLong, RoomFull,
        RoomArchived, TooManyRooms, InvalidDisplayName, DisplayNameTaken, GuidelinesNotAccepted, Muted,
        Banned, RoomLocked, InLobby, SessionNotStarted, SlowMode, RateLimited, Conflict, Unavailable, Internal,
        AlreadyClaimed, InvalidState,
        TimedOut, SessionPaused, MediaForcedOff,
        TooManyConnections, AccessRevoked,
    ];
}
