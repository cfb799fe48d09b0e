using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Crisis;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Paging;

/// <summary>
/// After a case change committed: wakes the local relay, tells connected staff (<c>CaseUpdated</c>,
/// best effort through the backplane) and records metrics and a span of the case's trace.
/// </summary>
public sealed class HubEscalationNotifier(
    OutboxSignal signal,
    IHubContext<CrisisHub, ICrisisClient> crisis,
    PeerRoomsMetrics metrics,
    TimeProvider time,
    ILogger<HubEscalationNotifier> logger) : IEscalationNotifier
{
    public void OutboxWritten() => signal.Kick();

    public async Task CaseChangedAsync(EscalationRecord record, int previousVersion, CancellationToken ct = default)
    {
        var c = record.Case;
        var severity = c.Severity.ToWireName();
        Activity? activity = null;
        foreach (var entry in c.Audit.Skip(previousVersion + 1))
        {
            activity?.Dispose();
            activity = PeerRoomsActivities.StartEscalationStep(c.Id, entry.Action, severity);
            Record(c, entry.Action, severity);
        }
        try
        {
            await crisis.Clients.Group(CrisisGroups.Staff).CaseUpdated(record.ToView());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Best effort: staff refresh with GetOpenCases; pages go through the outbox, not here.
            activity?.SetError("unavailable");
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private void Record(EscalationCase c, string action, string severity)
    {
        switch (action)
        {
            case "opened":
                metrics.EscalationOpened(severity);
                CrisisLog.CaseOpened(logger, c.Id, severity, c.Trigger.ToWireName());
                break;
            case "claimed":
                metrics.EscalationClaimed(severity, time.GetUtcNow() - (c.Pages.Count > 0 ? c.Pages[0].At : c.CreatedAt));
                break;
            case "acknowledged":
                metrics.EscalationAcknowledged(severity);
                break;
            case "resolved":
                metrics.EscalationResolved(severity);
                break;
        }
        if (action != "opened") CrisisLog.CaseChanged(logger, c.Id, action, c.State.ToWireName(), severity);
    }
}
