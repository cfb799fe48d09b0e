using PeerRooms.Core.Crisis;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// Who the case is about. <see cref="ParticipantId"/> and <see cref="Pseudonym"/> are what staff see;
/// <see cref="UserId"/> is kept server side for follow-up and must never be sent to room members.
/// </summary>
public sealed record EscalationSubject(string ParticipantId, string Pseudonym, string UserId);

/// <summary>A note on a case: who wrote it, when, and what.</summary>
public sealed record EscalationNote(string Author, DateTimeOffset At, string Text);

/// <summary>One page sent for a case: which tier (index into the policy's tiers), its name, attempt number within the tier, and when.</summary>
public sealed record EscalationPage(int TierIndex, string TierName, int Attempt, DateTimeOffset At);

/// <summary>One audited change of a case: what happened, by whom, from which state to which.</summary>
public sealed record EscalationAuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    EscalationState From,
    EscalationState To,
    string? Detail = null);

/// <summary>The facts needed to open a case. Message text is deliberately absent: only its id.</summary>
public sealed record EscalationRequest(
    string CaseId,
    string RoomId,
    EscalationSubject Subject,
    CrisisSeverity Severity,
    IReadOnlyList<CrisisCategory> Categories,
    EscalationTrigger Trigger,
    string? TriggeringMessageId,
    string RaisedBy);
