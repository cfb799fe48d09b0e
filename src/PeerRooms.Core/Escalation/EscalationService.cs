using PeerRooms.Core.Chat;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// Runs escalation cases against the durable store: opens or raises a case for a signal, applies
/// staff actions (claim, release, acknowledge, note, resolve) and fires paging timers. Every change
/// is written with a conditional update on the case's version together with its outbox items
/// (facilitator alerts, pages, webhook follow-ups) in one transaction, and only then announced, so
/// a page is never sent for a case that was not stored and never lost once it was. A lost race
/// (another node or staff member changed the case first) reloads and applies the change again;
/// the aggregate then decides (e.g. <c>already_claimed</c>).
/// </summary>
public sealed class EscalationService(
    IEscalationStore store,
    EscalationPolicy policy,
    IRoomRepository rooms,
    IEscalationNotifier notifier,
    IIdGenerator ids,
    TimeProvider time)
{
    private const int MaxAttempts = 8;

    public EscalationPolicy Policy => policy;

    /// <summary>Opens a case for the signal, or raises the subject's active case in that room.</summary>
    public async Task<EscalationResult> RaiseAsync(EscalationSignal signal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Severity == CrisisSeverity.None) throw PeerRoomsException.Invalid("a signal needs a severity of concern or above");
        var actions = signal.Room.Policy.SeverityActions;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var existing = await store.FindActiveAsync(signal.Room.Id, signal.Subject.UserId, ct);
            var outbox = new List<OutboxItem>();
            if (existing is null)
            {
                var opened = EscalationCase.Open(new EscalationRequest(ids.NewId("case_"), signal.Room.Id, signal.Subject, signal.Severity,
                    signal.Categories, signal.Trigger, signal.Message?.MessageId, signal.RaisedBy), now);
                if (!string.IsNullOrWhiteSpace(signal.Note)) opened.AddNote(signal.RaisedBy, signal.Note, now);
                Alert(opened, actions, outbox);
                var (due, _) = Plan(opened, actions, now, outbox);
                var record = new EscalationRecord(opened, signal.Room.Name, signal.Message, due);
                if (await store.CreateAsync(record, outbox, ct))
                {
                    await PublishAsync(record, -1, outbox, ct);
                    return new EscalationResult(record, true, true);
                }
                continue; // someone opened one concurrently: raise that one instead
            }

            var c = existing.Case;
            var version = c.Version;
            var before = c.Severity;
            c.Raise(signal.Severity, signal.Categories, signal.RaisedBy, now);
            if (!string.IsNullOrWhiteSpace(signal.Note)) c.AddNote(signal.RaisedBy, signal.Note, now);
            if (c.Version == version) return new EscalationResult(existing, false, false);
            if (c.Severity > before) Alert(c, actions, outbox);
            var (nextDue, _) = Plan(c, actions, now, outbox);
            var updated = existing with
            {
                Case = c,
                NextDueAt = nextDue,
                Message = c.Severity > before && signal.Message is not null ? signal.Message : existing.Message,
            };
            if (await store.UpdateAsync(updated, version, outbox, ct))
            {
                await PublishAsync(updated, version, outbox, ct);
                return new EscalationResult(updated, false, true);
            }
        }

        throw new PeerRoomsException(ErrorCodes.Conflict, "the case kept changing; retry");
    }

    public Task<EscalationRecord> ClaimAsync(string caseId, string staffId, CancellationToken ct = default)
        => ChangeAsync(caseId, (c, now, _) => c.Claim(staffId, now), ct);

    public Task<EscalationRecord> ReleaseAsync(string caseId, string staffId, CancellationToken ct = default)
        => ChangeAsync(caseId, (c, now, _) => c.Release(staffId, now), ct);

    public Task<EscalationRecord> AcknowledgeAsync(string caseId, string staffId, CancellationToken ct = default)
        => ChangeAsync(caseId, (c, now, outbox) =>
        {
            var was = c.State;
            c.Acknowledge(staffId, now);
            if (was != c.State) WebhookFollowUps(c, "acknowledge", outbox);
        }, ct);

    public Task<EscalationRecord> AddNoteAsync(string caseId, string author, string text, CancellationToken ct = default)
        => ChangeAsync(caseId, (c, now, _) => c.AddNote(author, text, now), ct);

    public Task<EscalationRecord> ResolveAsync(string caseId, string staffId, EscalationOutcome outcome, string? note, CancellationToken ct = default)
        => ChangeAsync(caseId, (c, now, outbox) =>
        {
            c.Resolve(staffId, outcome, now, note);
            WebhookFollowUps(c, "resolve", outbox);
        }, ct);

    /// <summary>
    /// Runs a due paging timer: pages the next tier when its time has come, or moves the timer.
    /// Safe to call on every node at once: only the node whose conditional write wins pages.
    /// Returns what happened, for logs and metrics.
    /// </summary>
    public async Task<TimerOutcome> FireTimerAsync(string caseId, CancellationToken ct = default)
    {
        var record = await store.GetAsync(caseId, ct);
        if (record is null) return TimerOutcome.Lost;
        var c = record.Case;
        var version = c.Version;
        var now = time.GetUtcNow();
        var room = await rooms.GetAsync(c.RoomId, ct);
        var outbox = new List<OutboxItem>();
        var (due, exhausted) = Plan(c, room?.Policy.SeverityActions ?? RoomSeverityActions.Default, now, outbox);
        if (outbox.Count > 0)
        {
            var updated = record with { Case = c, NextDueAt = due };
            if (!await store.UpdateAsync(updated, version, outbox, ct)) return TimerOutcome.Lost;
            await PublishAsync(updated, version, outbox, ct);
            return TimerOutcome.Paged;
        }

        if (due == record.NextDueAt) return TimerOutcome.Lost;
        if (!await store.RescheduleAsync(caseId, version, record.NextDueAt, due, ct)) return TimerOutcome.Lost;
        return exhausted ? TimerOutcome.Exhausted : TimerOutcome.Rescheduled;
    }

    private async Task<EscalationRecord> ChangeAsync(string caseId, Action<EscalationCase, DateTimeOffset, List<OutboxItem>> change, CancellationToken ct)
    {
        caseId = InputRules.RequireId(caseId, "caseId");
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var record = await store.GetAsync(caseId, ct) ?? throw PeerRoomsException.NotFound("case not found");
            var c = record.Case;
            var version = c.Version;
            var now = time.GetUtcNow();
            var outbox = new List<OutboxItem>();
            change(c, now, outbox);
            if (c.Version == version) return record; // an idempotent repeat (e.g. claiming one's own case)
            var room = await rooms.GetAsync(c.RoomId, ct);
            var (due, _) = Plan(c, room?.Policy.SeverityActions ?? RoomSeverityActions.Default, now, outbox);
            var updated = record with
            {
                Case = c,
                NextDueAt = due,
                Message = c.State == EscalationState.Resolved ? null : record.Message, // no message text outlives the case
            };
            if (await store.UpdateAsync(updated, version, outbox, ct))
            {
                await PublishAsync(updated, version, outbox, ct);
                return updated;
            }
        }

        throw new PeerRoomsException(ErrorCodes.Conflict, "the case kept changing; retry");
    }

    /// <summary>Records every page that is due now (adding outbox items) and returns when to look again.</summary>
    private (DateTimeOffset? Due, bool Exhausted) Plan(EscalationCase c, RoomSeverityActions actions, DateTimeOffset now, List<OutboxItem> outbox)
    {
        for (var guard = 0; guard < 64; guard++)
        {
            var action = policy.NextAction(c, now, actions);
            switch (action.Kind)
            {
                case EscalationActionKind.PageNow:
                    var tier = action.Tier!;
                    c.RecordPage(action.TierIndex!.Value, tier.Name, now);
                    var page = c.Pages[^1];
                    outbox.Add(new OutboxItem($"{c.Id}:{page.TierIndex}:{page.Attempt}", c.Id, TargetOf(tier.Target), "trigger",
                        page.TierIndex, page.TierName, page.Attempt, tier.Target == PageTargetKind.Webhook ? tier.WebhookUrl : null));
                    continue;
                case EscalationActionKind.Wait:
                    return (action.DueAt, false);
                case EscalationActionKind.Exhausted:
                    return (null, true);
                default:
                    return (null, false);
            }
        }

        return (null, false);
    }

    private static void Alert(EscalationCase c, RoomSeverityActions actions, List<OutboxItem> outbox)
    {
        if (actions.For(c.Severity) is not { AlertFacilitators: true }) return;
        outbox.Add(new OutboxItem($"{c.Id}:alert:{c.Version}", c.Id, OutboxTargets.Facilitators, "trigger", -1, "facilitators", c.Version, null));
    }

    /// <summary>Webhook tiers that were paged hear about acknowledgement and resolution (PagerDuty closes the incident).</summary>
    private void WebhookFollowUps(EscalationCase c, string eventName, List<OutboxItem> outbox)
    {
        foreach (var tierIndex in c.Pages.Select(p => p.TierIndex).Distinct())
        {
            if (tierIndex < 0 || tierIndex >= policy.Tiers.Count || policy.Tiers[tierIndex] is not { Target: PageTargetKind.Webhook } tier) continue;
            outbox.Add(new OutboxItem($"{c.Id}:{tierIndex}:{eventName}", c.Id, OutboxTargets.Webhook, eventName, tierIndex, tier.Name, 0, tier.WebhookUrl));
        }
    }

    private static string TargetOf(PageTargetKind kind) => kind switch
    {
        PageTargetKind.Supervisors => OutboxTargets.Supervisors,
        PageTargetKind.Webhook => OutboxTargets.Webhook,
        _ => OutboxTargets.CrisisStaff,
    };

    private async Task PublishAsync(EscalationRecord record, int previousVersion, IReadOnlyList<OutboxItem> outbox, CancellationToken ct)
    {
        if (outbox.Count > 0) notifier.OutboxWritten();
        await notifier.CaseChangedAsync(record, previousVersion, ct);
    }
}

/// <summary>What a paging timer did.</summary>
public enum TimerOutcome
{
    /// <summary>Another node (or a staff action) got there first, or there was nothing to do.</summary>
    Lost,
    /// <summary>A tier was paged.</summary>
    Paged,
    /// <summary>The timer moved (or stopped: acknowledged, resolved).</summary>
    Rescheduled,
    /// <summary>Every tier was paged without acknowledgement; operations must be alerted.</summary>
    Exhausted,
}
