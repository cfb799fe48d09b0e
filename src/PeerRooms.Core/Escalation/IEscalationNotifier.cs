namespace PeerRooms.Core.Escalation;

/// <summary>
/// What the host does after a case change is durably written: deliver the outbox soon and tell
/// connected staff. Called only after the store committed, so a crash before it loses nothing
/// (every node's relay finds undelivered outbox items on its next poll).
/// </summary>
public interface IEscalationNotifier
{
    /// <summary>New outbox items were committed: deliver them now rather than at the next poll.</summary>
    void OutboxWritten();

    /// <summary>
    /// A case changed (opened, raised, paged, claimed, ...): the audit entries after
    /// <paramref name="previousVersion"/> are new (-1 for a new case; one entry per version).
    /// Best effort; must not throw for delivery failures.
    /// </summary>
    Task CaseChangedAsync(EscalationRecord record, int previousVersion, CancellationToken ct = default);
}
