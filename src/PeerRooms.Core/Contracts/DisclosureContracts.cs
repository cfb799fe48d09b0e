using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

// Wire DTOs of the disclosure feature (docs/protocol.md, "Safe disclosure").

/// <summary>
/// Events the disclosure feature sends on the rooms hub. (Attribute changes reuse
/// <c>ParticipantUpdated</c>, <see cref="ParticipantUpdatedEvent"/>, filtered per recipient.)
/// </summary>
public static class DisclosureEvents
{
    /// <summary>The author retracted a message: clients remove it.</summary>
    public const string MessageRetracted = "MessageRetracted";
}

/// <summary>Kinds of <see cref="SenderNoticeView"/>.</summary>
public static class NoticeKinds
{
    /// <summary>Personal information was masked; <c>detail</c> is <c>phone</c>, <c>email</c> or <c>address</c>.</summary>
    public const string PiiMasked = "pii_masked";
    /// <summary>A person-first language suggestion; <c>detail</c> is the term found.</summary>
    public const string LanguageNudge = "language_nudge";
}

/// <summary>One personal attribute: kind (pronouns, identity-tag, preferred-language, in-recovery-since), value and audience.</summary>
[DataContract]
public sealed record AttributeView
{
    [DataMember(Name = "kind")] public string Kind { get; init; } = "";
    [DataMember(Name = "value")] public string Value { get; init; } = "";
    [DataMember(Name = "audience")] public string Audience { get; init; } = "";
}

[DataContract]
public sealed record SetAttributesRequest
{
    [DataMember(Name = "roomId")] public string RoomId { get; init; } = "";
    /// <summary>The full new set (replaces the previous one); empty clears everything.</summary>
    [DataMember(Name = "attributes")] public IReadOnlyList<AttributeView>? Attributes { get; init; }
}

[DataContract]
public sealed record MessageRetractedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "messageId")] public required string MessageId { get; init; }
}

[DataContract]
public sealed record ContentPreferences
{
    /// <summary>Content-warning topics the user always wants collapsed.</summary>
    [DataMember(Name = "collapsedTopics")] public IReadOnlyList<string>? CollapsedTopics { get; init; }
}

[DataContract]
public sealed record SenderNoticeView
{
    [DataMember(Name = "kind")] public required string Kind { get; init; }
    [DataMember(Name = "text")] public required string Text { get; init; }
    [DataMember(Name = "detail")] public string? Detail { get; init; }
}
