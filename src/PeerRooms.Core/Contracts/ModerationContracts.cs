using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

// Wire DTOs of the facilitator tools (docs/protocol.md, "Facilitator tools"). Same rules as
// RoomContracts: camelCase [DataMember] names, strings for enum-like fields.

/// <summary>Events of the facilitator tools.</summary>
public static class ModerationEvents
{
    public const string RoomStateChanged = "RoomStateChanged";
    public const string ParticipantUpdated = "ParticipantUpdated";
    public const string LobbyChanged = "LobbyChanged";
    public const string MessageDeleted = "MessageDeleted";
    public const string ReportReceived = "ReportReceived";
    public const string MediaOffRequested = "MediaOffRequested";
    public const string UnmuteRequested = "UnmuteRequested";
    public const string ShareTimerEnded = "ShareTimerEnded";
    public const string CheckInMessageReceived = "CheckInMessageReceived";
}

/// <summary>The room's live moderation state as members see it (full copy on every change).</summary>
[DataContract]
public sealed record RoomStateView
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    /// <summary>"idle", "open" or "paused".</summary>
    [DataMember(Name = "session")] public required string Session { get; init; }
    [DataMember(Name = "sessionStartedAt")] public DateTimeOffset? SessionStartedAt { get; init; }
    [DataMember(Name = "leadParticipantId")] public string? LeadParticipantId { get; init; }
    [DataMember(Name = "locked")] public required bool Locked { get; init; }
    [DataMember(Name = "lockAllowsLobby")] public required bool LockAllowsLobby { get; init; }
    [DataMember(Name = "everyoneMuted")] public required bool EveryoneMuted { get; init; }
    [DataMember(Name = "everyoneMutedUntil")] public DateTimeOffset? EveryoneMutedUntil { get; init; }
    [DataMember(Name = "mutes")] public required IReadOnlyList<MuteView> Mutes { get; init; }
    [DataMember(Name = "slowModeSeconds")] public required int SlowModeSeconds { get; init; }
    [DataMember(Name = "pinned")] public MessageView? Pinned { get; init; }
    [DataMember(Name = "floor")] public FloorView? Floor { get; init; }
    /// <summary>Participant ids with raised hands, first raised first.</summary>
    [DataMember(Name = "handQueue")] public required IReadOnlyList<string> HandQueue { get; init; }
    [DataMember(Name = "media")] public required IReadOnlyList<MediaView> Media { get; init; }
}

[DataContract]
public sealed record MuteView
{
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    /// <summary>Null: until a facilitator lifts it.</summary>
    [DataMember(Name = "until")] public DateTimeOffset? Until { get; init; }
}

[DataContract]
public sealed record FloorView
{
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "startedAt")] public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the share timer ends (clients count down to it); null when no timer runs.</summary>
    [DataMember(Name = "endsAt")] public DateTimeOffset? EndsAt { get; init; }
}

[DataContract]
public sealed record MediaView
{
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "micOn")] public required bool MicOn { get; init; }
    [DataMember(Name = "cameraOn")] public required bool CameraOn { get; init; }
    [DataMember(Name = "micForcedOff")] public required bool MicForcedOff { get; init; }
    [DataMember(Name = "cameraForcedOff")] public required bool CameraForcedOff { get; init; }
}

[DataContract]
public sealed record ParticipantUpdatedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participant")] public required ParticipantView Participant { get; init; }
}

[DataContract]
public sealed record LobbyChangedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    /// <summary>Everyone waiting, first arrived first.</summary>
    [DataMember(Name = "waiting")] public required IReadOnlyList<ParticipantView> Waiting { get; init; }
}

[DataContract]
public sealed record MessageDeletedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "messageId")] public required string MessageId { get; init; }
}

[DataContract]
public sealed record ReportRequest
{
    [DataMember(Name = "roomId")] public string RoomId { get; init; } = "";
    /// <summary>The reported message (optional if <see cref="ParticipantId"/> is set).</summary>
    [DataMember(Name = "messageId")] public string? MessageId { get; init; }
    /// <summary>The reported participant (optional if <see cref="MessageId"/> is set).</summary>
    [DataMember(Name = "participantId")] public string? ParticipantId { get; init; }
    [DataMember(Name = "reason")] public string? Reason { get; init; }
}

[DataContract]
public sealed record ReportReceivedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "reportId")] public required string ReportId { get; init; }
    [DataMember(Name = "reporterParticipantId")] public required string ReporterParticipantId { get; init; }
    [DataMember(Name = "messageId")] public string? MessageId { get; init; }
    [DataMember(Name = "participantId")] public string? ParticipantId { get; init; }
    [DataMember(Name = "reason")] public string? Reason { get; init; }
    [DataMember(Name = "reportedAt")] public required DateTimeOffset ReportedAt { get; init; }
}

[DataContract]
public sealed record MediaOffRequestedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    /// <summary>"mic" or "camera".</summary>
    [DataMember(Name = "kind")] public required string Kind { get; init; }
}

[DataContract]
public sealed record UnmuteRequestedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "kind")] public required string Kind { get; init; }
}

[DataContract]
public sealed record ShareTimerEndedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "endedAt")] public required DateTimeOffset EndedAt { get; init; }
}

[DataContract]
public sealed record CheckInMessageRequest
{
    [DataMember(Name = "roomId")] public string RoomId { get; init; } = "";
    [DataMember(Name = "toParticipantId")] public string ToParticipantId { get; init; } = "";
    [DataMember(Name = "text")] public string Text { get; init; } = "";
}

[DataContract]
public sealed record CheckInMessageView
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "messageId")] public required string MessageId { get; init; }
    [DataMember(Name = "fromParticipantId")] public required string FromParticipantId { get; init; }
    [DataMember(Name = "fromDisplayName")] public required string FromDisplayName { get; init; }
    [DataMember(Name = "toParticipantId")] public required string ToParticipantId { get; init; }
    [DataMember(Name = "text")] public required string Text { get; init; }
    [DataMember(Name = "sentAt")] public required DateTimeOffset SentAt { get; init; }
}
