using PeerRooms.Core.Crisis;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// Everything a case is, as plain data, so a store can persist it and give it back. Restoring
/// a snapshot yields a case that behaves exactly like the one that was saved (same state, owner,
/// pages, audit and <see cref="EscalationCase.Version"/>).
/// </summary>
public sealed record EscalationCaseSnapshot(
    string Id,
    string RoomId,
    EscalationSubject Subject,
    CrisisSeverity Severity,
    IReadOnlyList<CrisisCategory> Categories,
    EscalationTrigger Trigger,
    string? TriggeringMessageId,
    EscalationState State,
    string? Owner,
    EscalationOutcome? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    IReadOnlyList<EscalationNote> Notes,
    IReadOnlyList<EscalationPage> Pages,
    IReadOnlyList<EscalationAuditEntry> Audit);

public sealed partial class EscalationCase
{
    /// <summary>The case as plain data (for stores).</summary>
    public EscalationCaseSnapshot ToSnapshot() => new(
        Id, RoomId, Subject, Severity, [.. _categories], Trigger, TriggeringMessageId, State, Owner, Outcome,
        CreatedAt, UpdatedAt, Version, [.. _notes], [.. _pages], [.. _audit]);

    /// <summary>Rebuilds a case saved with <see cref="ToSnapshot"/>. Stores call this; nothing is validated again.</summary>
    public static EscalationCase Restore(EscalationCaseSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var request = new EscalationRequest(s.Id, s.RoomId, s.Subject, s.Severity, s.Categories, s.Trigger, s.TriggeringMessageId, "system");
        var restored = new EscalationCase(request, s.CreatedAt)
        {
            State = s.State,
            Owner = s.Owner,
            Outcome = s.Outcome,
            UpdatedAt = s.UpdatedAt,
            Version = s.Version,
        };
        restored._audit.Clear();
        restored._audit.AddRange(s.Audit);
        restored._notes.AddRange(s.Notes);
        restored._pages.AddRange(s.Pages);
        return restored;
    }
}
