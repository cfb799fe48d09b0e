using PeerRooms.Core.Crisis;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// Risk reported for one participant in one room: by the detector, by the participant themselves
/// ("I need help now"), or by a facilitator. <see cref="EscalationService.RaiseAsync"/> opens a case
/// or raises the participant's active one.
/// </summary>
public sealed record EscalationSignal(
    Room Room,
    EscalationSubject Subject,
    CrisisSeverity Severity,
    IReadOnlyList<CrisisCategory> Categories,
    EscalationTrigger Trigger,
    TriggeringMessage? Message,
    string RaisedBy,
    string? Note = null);

/// <summary>What <see cref="EscalationService.RaiseAsync"/> did: <see cref="Changed"/> is false when the active case already covered the signal.</summary>
public sealed record EscalationResult(EscalationRecord Record, bool Opened, bool Changed);
