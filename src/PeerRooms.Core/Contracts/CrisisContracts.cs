using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

// Wire DTOs of crisis escalation: the crisis hub (/hubs/crisis) and the crisis parts of the rooms
// hub. Enum-like fields are strings (severity, category, state, trigger, outcome: snake_case wire
// names from Core.Crisis / Core.Escalation). Documented in docs/protocol.md.

/// <summary>The message that triggered a case. Only this one message, never history.</summary>
[DataContract]
public sealed record TriggeringMessageView
{
    [DataMember(Name = "messageId")] public required string MessageId { get; init; }
    [DataMember(Name = "text")] public required string Text { get; init; }
    [DataMember(Name = "sentAt")] public required DateTimeOffset SentAt { get; init; }
}

/// <summary>A case as crisis staff and admins see it.</summary>
[DataContract]
public sealed record CaseView
{
    [DataMember(Name = "caseId")] public required string CaseId { get; init; }
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "roomName")] public required string RoomName { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "pseudonym")] public required string Pseudonym { get; init; }
    [DataMember(Name = "severity")] public required string Severity { get; init; }
    [DataMember(Name = "categories")] public required IReadOnlyList<string> Categories { get; init; }
    [DataMember(Name = "trigger")] public required string Trigger { get; init; }
    [DataMember(Name = "state")] public required string State { get; init; }
    /// <summary>The user id of the staff member who claimed it; null while open.</summary>
    [DataMember(Name = "owner")] public string? Owner { get; init; }
    [DataMember(Name = "outcome")] public string? Outcome { get; init; }
    /// <summary>Null for self-reports and facilitator escalations, and after the case is resolved.</summary>
    [DataMember(Name = "triggeringMessage")] public TriggeringMessageView? TriggeringMessage { get; init; }
    [DataMember(Name = "createdAt")] public required DateTimeOffset CreatedAt { get; init; }
    [DataMember(Name = "updatedAt")] public required DateTimeOffset UpdatedAt { get; init; }
    [DataMember(Name = "version")] public required int Version { get; init; }
}

[DataContract]
public sealed record CaseNoteView
{
    [DataMember(Name = "author")] public required string Author { get; init; }
    [DataMember(Name = "at")] public required DateTimeOffset At { get; init; }
    [DataMember(Name = "text")] public required string Text { get; init; }
}

[DataContract]
public sealed record CaseAuditView
{
    [DataMember(Name = "at")] public required DateTimeOffset At { get; init; }
    [DataMember(Name = "actor")] public required string Actor { get; init; }
    [DataMember(Name = "action")] public required string Action { get; init; }
    [DataMember(Name = "from")] public required string From { get; init; }
    [DataMember(Name = "to")] public required string To { get; init; }
    [DataMember(Name = "detail")] public string? Detail { get; init; }
}

[DataContract]
public sealed record CasePageView
{
    [DataMember(Name = "tierIndex")] public required int TierIndex { get; init; }
    [DataMember(Name = "tier")] public required string Tier { get; init; }
    [DataMember(Name = "attempt")] public required int Attempt { get; init; }
    [DataMember(Name = "at")] public required DateTimeOffset At { get; init; }
}

/// <summary>One case with its notes, pages and audit trail.</summary>
[DataContract]
public sealed record CaseDetailView
{
    [DataMember(Name = "case")] public required CaseView Case { get; init; }
    [DataMember(Name = "notes")] public required IReadOnlyList<CaseNoteView> Notes { get; init; }
    [DataMember(Name = "pages")] public required IReadOnlyList<CasePageView> Pages { get; init; }
    [DataMember(Name = "audit")] public required IReadOnlyList<CaseAuditView> Audit { get; init; }
}

/// <summary>
/// A page to crisis staff (crisis hub event <c>CasePaged</c>). Delivered at least once: clients drop
/// a page whose <see cref="DedupKey"/> (case id + tier + attempt) they have already shown.
/// </summary>
[DataContract]
public sealed record CasePagedEvent
{
    [DataMember(Name = "dedupKey")] public required string DedupKey { get; init; }
    [DataMember(Name = "tier")] public required string Tier { get; init; }
    [DataMember(Name = "tierIndex")] public required int TierIndex { get; init; }
    [DataMember(Name = "attempt")] public required int Attempt { get; init; }
    [DataMember(Name = "case")] public required CaseView Case { get; init; }
}

[DataContract]
public sealed record ResolveCaseRequest
{
    [DataMember(Name = "caseId")] public string CaseId { get; init; } = "";
    /// <summary>supported_in_room | referred_to_crisis_line | emergency_services_contacted | follow_up_scheduled | false_alarm | participant_left | other</summary>
    [DataMember(Name = "outcome")] public string Outcome { get; init; } = "";
    [DataMember(Name = "note")] public string? Note { get; init; }
}

/// <summary>A message on the private one-to-one channel between a case's owner and its participant.</summary>
[DataContract]
public sealed record PrivateMessageRequest
{
    [DataMember(Name = "caseId")] public string CaseId { get; init; } = "";
    [DataMember(Name = "text")] public string Text { get; init; } = "";
}

/// <summary>
/// A private one-to-one message (crisis hub event <c>PrivateMessageReceived</c>, rooms hub event
/// <c>CrisisPrivateMessage</c>). Never stored, never seen by the room. <see cref="From"/> is
/// <c>crisis-staff</c> or <c>participant</c>; staff are not named to the participant.
/// </summary>
[DataContract]
public sealed record PrivateMessageView
{
    [DataMember(Name = "caseId")] public required string CaseId { get; init; }
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "messageId")] public required string MessageId { get; init; }
    [DataMember(Name = "from")] public required string From { get; init; }
    [DataMember(Name = "text")] public required string Text { get; init; }
    [DataMember(Name = "sentAt")] public required DateTimeOffset SentAt { get; init; }
}

/// <summary>Rooms hub: a facilitator escalates a participant.</summary>
[DataContract]
public sealed record EscalateParticipantRequest
{
    [DataMember(Name = "roomId")] public string RoomId { get; init; } = "";
    [DataMember(Name = "participantId")] public string ParticipantId { get; init; } = "";
    /// <summary>concern | high | imminent; default high.</summary>
    [DataMember(Name = "severity")] public string? Severity { get; init; }
    [DataMember(Name = "note")] public string? Note { get; init; }
}

/// <summary>Answer of <c>RequestHelp</c> and <c>EscalateParticipant</c>.</summary>
[DataContract]
public sealed record EscalationResponse
{
    [DataMember(Name = "caseId")] public required string CaseId { get; init; }
    [DataMember(Name = "severity")] public required string Severity { get; init; }
    [DataMember(Name = "state")] public required string State { get; init; }
}

/// <summary>
/// Rooms hub event to the room's facilitators only: someone may be at risk. No message text: the
/// facilitators already have the message in the room (or as a held message).
/// </summary>
[DataContract]
public sealed record RiskAlertEvent
{
    [DataMember(Name = "dedupKey")] public required string DedupKey { get; init; }
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "caseId")] public required string CaseId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "pseudonym")] public required string Pseudonym { get; init; }
    [DataMember(Name = "severity")] public required string Severity { get; init; }
    [DataMember(Name = "categories")] public required IReadOnlyList<string> Categories { get; init; }
    [DataMember(Name = "trigger")] public required string Trigger { get; init; }
    [DataMember(Name = "messageId")] public string? MessageId { get; init; }
}

/// <summary>One entry of the crisis resources card (configured per organisation and language).</summary>
[DataContract]
public sealed record CrisisResourceView
{
    [DataMember(Name = "name")] public required string Name { get; init; }
    [DataMember(Name = "description")] public string? Description { get; init; }
    [DataMember(Name = "phone")] public string? Phone { get; init; }
    [DataMember(Name = "sms")] public string? Sms { get; init; }
    [DataMember(Name = "url")] public string? Url { get; init; }
}

/// <summary>Rooms hub event to the at-risk participant only: a private, localised resources card.</summary>
[DataContract]
public sealed record CrisisResourcesEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "language")] public required string Language { get; init; }
    [DataMember(Name = "resources")] public required IReadOnlyList<CrisisResourceView> Resources { get; init; }
}

/// <summary>Event names of crisis escalation, on both hubs.</summary>
public static class CrisisEvents
{
    // Crisis hub (/hubs/crisis)
    public const string OpenCases = "OpenCases";
    public const string CasePaged = "CasePaged";
    public const string CaseUpdated = "CaseUpdated";
    public const string PrivateMessageReceived = "PrivateMessageReceived";

    // Rooms hub (/hubs/rooms)
    public const string RiskAlert = "RiskAlert";
    public const string CrisisResources = "CrisisResources";
    public const string CrisisPrivateMessage = "CrisisPrivateMessage";
}
