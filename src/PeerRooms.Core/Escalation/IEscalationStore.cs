namespace PeerRooms.Core.Escalation;

/// <summary>The message that triggered a case, kept with the case only while it is active.</summary>
public sealed record TriggeringMessage(string MessageId, string Text, DateTimeOffset SentAt);

/// <summary>A stored case with what staff need beside it: the room's name and the triggering message.</summary>
public sealed record EscalationRecord(EscalationCase Case, string RoomName, TriggeringMessage? Message, DateTimeOffset? NextDueAt);

/// <summary>Who an outbox item goes to.</summary>
public static class OutboxTargets
{
    /// <summary>A <c>RiskAlert</c> to the room's facilitators.</summary>
    public const string Facilitators = "facilitators";
    /// <summary>A <c>CasePaged</c> to every connected crisis-staff member.</summary>
    public const string CrisisStaff = "crisis-staff";
    /// <summary>A <c>CasePaged</c> to supervisors.</summary>
    public const string Supervisors = "supervisors";
    /// <summary>An HTTP POST to <see cref="OutboxItem.Address"/>.</summary>
    public const string Webhook = "webhook";
}

/// <summary>
/// Something to deliver because a case changed. Written in the same transaction as the change, so
/// nothing is lost between the durable write and delivery; delivered at least once.
/// <see cref="DedupKey"/> is unique: writing the same key twice keeps the first.
/// </summary>
/// <param name="DedupKey">For pages <c>{caseId}:{tierIndex}:{attempt}</c>; receivers drop keys they have seen.</param>
/// <param name="Event"><c>trigger</c> (a page or alert), <c>acknowledge</c> or <c>resolve</c> (webhook follow-ups).</param>
public sealed record OutboxItem(string DedupKey, string CaseId, string Target, string Event, int TierIndex, string TierName, int Attempt, string? Address);

/// <summary>An outbox item a relay has leased for delivery.</summary>
public sealed record LeasedOutboxItem(long Id, OutboxItem Item, int Deliveries, DateTimeOffset CreatedAt);

/// <summary>Which cases a listing returns.</summary>
public enum CaseFilter { Active, Open, Claimed, Acknowledged, Resolved, All }

/// <summary>
/// The durable store of escalation cases, their audit trail and the paging outbox (SQLite by
/// default, PostgreSQL when configured). It is the source of truth across nodes: every change is a
/// conditional update on the case's version, so concurrent changes (two staff claiming, two nodes'
/// timers firing) have exactly one winner.
/// </summary>
public interface IEscalationStore
{
    /// <summary>
    /// Inserts a new case, its audit trail and <paramref name="outbox"/> in one transaction. Returns
    /// false (writing nothing) when the subject already has an active case in that room.
    /// </summary>
    Task<bool> CreateAsync(EscalationRecord record, IReadOnlyList<OutboxItem> outbox, CancellationToken ct = default);

    /// <summary>
    /// Writes <paramref name="record"/> if the stored version is still <paramref name="expectedVersion"/>,
    /// together with new audit entries and <paramref name="outbox"/>, in one transaction. False when
    /// someone else changed the case first (nothing is written; reload and retry).
    /// </summary>
    Task<bool> UpdateAsync(EscalationRecord record, int expectedVersion, IReadOnlyList<OutboxItem> outbox, CancellationToken ct = default);

    /// <summary>Moves a case's timer from <paramref name="expectedDue"/> to <paramref name="nextDue"/> if nothing else changed it; false otherwise.</summary>
    Task<bool> RescheduleAsync(string caseId, int expectedVersion, DateTimeOffset? expectedDue, DateTimeOffset? nextDue, CancellationToken ct = default);

    Task<EscalationRecord?> GetAsync(string caseId, CancellationToken ct = default);

    /// <summary>The subject's active (not resolved) case in a room, if any.</summary>
    Task<EscalationRecord?> FindActiveAsync(string roomId, string userId, CancellationToken ct = default);

    /// <summary>Cases matching <paramref name="filter"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<EscalationRecord>> ListAsync(CaseFilter filter, int max, CancellationToken ct = default);

    /// <summary>Ids of active cases whose timer is due at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> undelivered items that are due and not leased by a live
    /// lease, for <paramref name="lease"/>, atomically: two relays never hold the same item at once.
    /// </summary>
    Task<IReadOnlyList<LeasedOutboxItem>> LeaseOutboxAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct = default);

    /// <summary>Marks an item delivered (if <paramref name="owner"/> still holds it or nobody delivered it yet).</summary>
    Task MarkDeliveredAsync(long id, string owner, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Releases an item for another try at <paramref name="retryAt"/>.</summary>
    Task RetryLaterAsync(long id, string owner, DateTimeOffset retryAt, CancellationToken ct = default);

    /// <summary>Undelivered items (for the outbox depth metric).</summary>
    Task<long> PendingOutboxAsync(CancellationToken ct = default);
}
