using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

// Wire DTOs for the rooms hub. [DataMember(Name)] gives MessagePack the same camelCase keys that
// the JSON protocol produces, so both protocols carry identical field names.

[DataContract]
public sealed record JoinRoomRequest
{
    [DataMember(Name = "roomId")] public string RoomId { get; init; } = "";
    [DataMember(Name = "displayName")] public string DisplayName { get; init; } = "";
    /// <summary>The guidelines version the participant accepted (gate added by the disclosure feature).</summary>
    [DataMember(Name = "acceptedGuidelinesVersion")] public int? AcceptedGuidelinesVersion { get; init; }
    /// <summary>Personal attributes to share, each with its audience (disclosure feature); null = none.</summary>
    [DataMember(Name = "attributes")] public IReadOnlyList<AttributeView>? Attributes { get; init; }
}

[DataContract]
public sealed record JoinRoomResponse
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "roomName")] public required string RoomName { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "status")] public required string Status { get; init; }
    [DataMember(Name = "role")] public required string Role { get; init; }
    [DataMember(Name = "roster")] public required IReadOnlyList<ParticipantView> Roster { get; init; }
    [DataMember(Name = "history")] public required IReadOnlyList<MessageView> History { get; init; }
    /// <summary>The room's moderation state (session, lock, mutes, pinned message, floor, hands); lobby arrivals get it without pinned, floor and hands.</summary>
    [DataMember(Name = "roomState")] public RoomStateView? RoomState { get; init; }
}

[DataContract]
public sealed record ParticipantView
{
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "displayName")] public required string DisplayName { get; init; }
    [DataMember(Name = "role")] public required string Role { get; init; }
    [DataMember(Name = "status")] public required string Status { get; init; }
    /// <summary>The attributes this recipient may see (filtered per recipient by <see cref="Views"/>).</summary>
    [DataMember(Name = "attributes")] public IReadOnlyList<AttributeView> Attributes { get; init; } = [];
}

[DataContract]
public sealed record SendMessageRequest
{
    [DataMember(Name = "roomId")] public string RoomId { get; init; } = "";
    [DataMember(Name = "clientMessageId")] public string ClientMessageId { get; init; } = "";
    [DataMember(Name = "text")] public string Text { get; init; } = "";
    /// <summary>"everyone" (default when null) or "facilitators": only the room's facilitators receive it.</summary>
    [DataMember(Name = "audience")] public string? Audience { get; init; }
    /// <summary>Content-warning topics (see SensitiveTopics); null or empty = not sensitive.</summary>
    [DataMember(Name = "sensitiveTopics")] public IReadOnlyList<string>? SensitiveTopics { get; init; }
}

[DataContract]
public sealed record SendMessageResponse
{
    [DataMember(Name = "messageId")] public required string MessageId { get; init; }
    [DataMember(Name = "sequence")] public required long Sequence { get; init; }
    [DataMember(Name = "duplicate")] public required bool Duplicate { get; init; }
    /// <summary>Private notes to the sender about this message (what was masked, language suggestions).</summary>
    [DataMember(Name = "notices")] public IReadOnlyList<SenderNoticeView> Notices { get; init; } = [];
}

[DataContract]
public sealed record MessageView
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "messageId")] public required string MessageId { get; init; }
    [DataMember(Name = "clientMessageId")] public required string ClientMessageId { get; init; }
    [DataMember(Name = "sequence")] public required long Sequence { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "displayName")] public required string DisplayName { get; init; }
    [DataMember(Name = "text")] public required string Text { get; init; }
    [DataMember(Name = "sentAt")] public required DateTimeOffset SentAt { get; init; }
    /// <summary>Show behind a content warning (crisis scan, room handling <c>deliver_with_warning</c>).</summary>
    [DataMember(Name = "contentWarning")] public bool ContentWarning { get; init; }
    /// <summary>"everyone", or "facilitators" for a message shared with facilitators only.</summary>
    [DataMember(Name = "audience")] public string Audience { get; init; } = "everyone";
    /// <summary>Content-warning topics; clients show the message collapsed when non-empty.</summary>
    [DataMember(Name = "sensitiveTopics")] public IReadOnlyList<string> SensitiveTopics { get; init; } = [];
}

[DataContract]
public sealed record ParticipantJoinedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participant")] public required ParticipantView Participant { get; init; }
}

[DataContract]
public sealed record ParticipantLeftEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
}

[DataContract]
public sealed record TypingEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "typing")] public required bool Typing { get; init; }
}

[DataContract]
public sealed record RoomClosedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "reason")] public required string Reason { get; init; }
    [DataMember(Name = "terminal")] public required bool Terminal { get; init; }
}
