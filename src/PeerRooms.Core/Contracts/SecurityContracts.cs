using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

/// <summary>Events of the security feature (docs/protocol.md, "Security events").</summary>
public static class SecurityEvents
{
    /// <summary>To a room's facilitators: a participant hit a limit (e.g. flooded the room).</summary>
    public const string SecurityAlert = "SecurityAlert";
}

/// <summary>The limits whose breach raises a <see cref="SecurityAlertEvent"/>.</summary>
public static class SecurityLimits
{
    /// <summary><c>PeerRooms:Limits:MessagesPerWindow</c> per <c>MessageWindowSeconds</c>.</summary>
    public const string Messages = "messages";
    /// <summary><c>PeerRooms:Limits:CallsPerWindow</c>: all hub calls together.</summary>
    public const string Calls = "calls";
    /// <summary><c>PeerRooms:Limits:JoinAttemptsPerMinute</c>.</summary>
    public const string Joins = "joins";
}

/// <summary>
/// Sent to a room's facilitators when a participant of that room is rate-limited, at most once per
/// participant, limit and window, so an abuser cannot flood the facilitators with alerts either.
/// </summary>
[DataContract]
public sealed record SecurityAlertEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    /// <summary>Which limit was hit: one of <see cref="SecurityLimits"/>.</summary>
    [DataMember(Name = "limit")] public required string Limit { get; init; }
    /// <summary>The configured number of calls allowed per window.</summary>
    [DataMember(Name = "permitLimit")] public required int PermitLimit { get; init; }
    /// <summary>The window length in seconds.</summary>
    [DataMember(Name = "windowSeconds")] public required int WindowSeconds { get; init; }
    [DataMember(Name = "at")] public required DateTimeOffset At { get; init; }
}
