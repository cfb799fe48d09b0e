using Microsoft.Extensions.Options;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Paging;

/// <summary>
/// Acknowledgement timeouts across nodes. Each case row carries its next due time; every node
/// polls for due rows and runs <see cref="EscalationService.FireTimerAsync"/>, whose conditional
/// write on the case's version lets exactly one node page the next tier (the others lose and do
/// nothing). Time comes from <see cref="TimeProvider"/>, so tests drive it with FakeTimeProvider.
/// </summary>
public sealed class EscalationTimerService(
    IEscalationStore store,
    EscalationService escalations,
    IOptions<PagingOptions> options,
    TimeProvider time,
    ILogger<EscalationTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RelayEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CrisisLog.TimerPollFailed(logger, ex.GetType().Name);
            }
            try { await Task.Delay(o.PollInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Fires every due timer once.</summary>
    public async Task FireDueAsync(CancellationToken ct)
    {
        foreach (var caseId in await store.DueAsync(time.GetUtcNow(), 100, ct))
        {
            if (await escalations.FireTimerAsync(caseId, ct) == TimerOutcome.Exhausted) CrisisLog.EscalationExhausted(logger, caseId);
        }
    }
}
