using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Crisis;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Paging;

/// <summary>
/// Delivers one outbox item: a <c>RiskAlert</c> to the room's facilitators, a <c>CasePaged</c> to the
/// crisis-staff or supervisors group (any node, through the backplane), or a webhook. Content is
/// read from the case at delivery time, so a page shows the case as it is now; a page for a case
/// that was acknowledged or resolved meanwhile is dropped (counted as delivered).
/// </summary>
public sealed class PageDelivery(
    IEscalationStore store,
    IHubContext<CrisisHub, ICrisisClient> crisis,
    IHubContext<RoomHub, IRoomClient> rooms,
    WebhookSender webhooks,
    PeerRoomsMetrics metrics,
    TimeProvider time)
{
    /// <summary>True when delivered (or nothing is left to deliver); false to retry later.</summary>
    public async Task<bool> DeliverAsync(LeasedOutboxItem leased, CancellationToken ct)
    {
        var item = leased.Item;
        var record = await store.GetAsync(item.CaseId, ct);
        if (record is null) return true;
        var c = record.Case;
        using var activity = PeerRoomsActivities.StartEscalationStep(c.Id, item.Target == OutboxTargets.Facilitators ? "alert" : "page", c.Severity.ToWireName());
        switch (item.Target)
        {
            case OutboxTargets.Facilitators:
                if (c.State == EscalationState.Resolved) return true;
                await rooms.Clients.Group(RoomGroups.Facilitators(c.RoomId)).RiskAlert(new RiskAlertEvent
                {
                    DedupKey = item.DedupKey,
                    RoomId = c.RoomId,
                    CaseId = c.Id,
                    ParticipantId = c.Subject.ParticipantId,
                    Pseudonym = c.Subject.Pseudonym,
                    Severity = c.Severity.ToWireName(),
                    Categories = [.. c.Categories.Select(x => x.ToWireName())],
                    Trigger = c.Trigger.ToWireName(),
                    MessageId = record.Message?.MessageId ?? c.TriggeringMessageId,
                });
                return true;
            case OutboxTargets.CrisisStaff or OutboxTargets.Supervisors:
                if (!c.AwaitingAcknowledgement) return true;
                var group = item.Target == OutboxTargets.Supervisors ? CrisisGroups.Supervisors : CrisisGroups.Staff;
                await crisis.Clients.Group(group).CasePaged(new CasePagedEvent
                {
                    DedupKey = item.DedupKey,
                    Tier = item.TierName,
                    TierIndex = item.TierIndex,
                    Attempt = item.Attempt,
                    Case = record.ToView(),
                });
                if (item.TierIndex == 0 && item.Attempt == 1) metrics.EscalationPaged(c.Severity.ToWireName(), time.GetUtcNow() - c.CreatedAt);
                return true;
            case OutboxTargets.Webhook:
                if (item.Event == "trigger" && !c.AwaitingAcknowledgement) return true;
                if (string.IsNullOrWhiteSpace(item.Address)) return true;
                var ok = await webhooks.SendAsync(item, record, ct);
                metrics.WebhookDelivery(ok ? "delivered" : "failed");
                if (!ok) activity?.SetError("unavailable");
                return ok;
            default:
                return true;
        }
    }
}
