using Microsoft.Extensions.Options;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Paging;

/// <summary>
/// Runs on every node: leases undelivered outbox items (an atomic conditional update in the
/// durable store, so two nodes never hold the same item), delivers them, and marks them delivered
/// or schedules a retry with exponential backoff and jitter. At least once: a node that dies
/// mid-delivery leaves its lease to expire and another node delivers again; receivers drop
/// repeats by dedup key. Woken at once by <see cref="OutboxSignal"/> on local writes, otherwise
/// polls every <see cref="PagingOptions.PollInterval"/>.
/// </summary>
public sealed class OutboxRelay(
    IEscalationStore store,
    PageDelivery delivery,
    OutboxSignal signal,
    NodeIdentity node,
    IOptions<PagingOptions> options,
    PeerRoomsMetrics metrics,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RelayEnabled)
        {
            CrisisLog.RelayState(logger, node.NodeId, "disabled by PeerRooms:Escalation:RelayEnabled");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) == Batch) { }
                metrics.OutboxDepth(await store.PendingOutboxAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CrisisLog.RelayPollFailed(logger, ex.GetType().Name);
            }
            try { await signal.WaitAsync(o.PollInterval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One lease-and-deliver round; returns how many items it leased.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var items = await store.LeaseOutboxAsync(node.NodeId, time.GetUtcNow(), o.LeaseDuration, Batch, ct);
        await Task.WhenAll(items.Select(item => DeliverOneAsync(item, o, ct)));
        return items.Count;
    }

    private async Task DeliverOneAsync(LeasedOutboxItem item, PagingOptions o, CancellationToken ct)
    {
        string? failure;
        try
        {
            failure = await delivery.DeliverAsync(item, ct) ? null : "refused";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failure = ex.GetType().Name;
        }
        if (failure is null)
        {
            await store.MarkDeliveredAsync(item.Id, node.NodeId, time.GetUtcNow(), ct);
            CrisisLog.OutboxDelivered(logger, item.Item.Target, item.Item.Event, item.Item.DedupKey, item.Deliveries);
            return;
        }
        var retryAt = time.GetUtcNow() + Backoff(item.Deliveries, o.MaxRetryDelay);
        await store.RetryLaterAsync(item.Id, node.NodeId, retryAt, ct);
        if (item.Item.Target == OutboxTargets.Webhook) metrics.WebhookRetried();
        CrisisLog.OutboxDeliveryFailed(logger, item.Item.DedupKey, failure, retryAt);
    }

    /// <summary>2^deliveries seconds, capped, times a jitter factor in [0.5, 1) so failing nodes do not retry in step.</summary>
    public static TimeSpan Backoff(int deliveries, TimeSpan max)
    {
        var seconds = Math.Min(max.TotalSeconds, Math.Pow(2, Math.Clamp(deliveries, 0, 20)));
        return TimeSpan.FromSeconds(seconds * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
