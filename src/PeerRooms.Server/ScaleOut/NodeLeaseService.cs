using Microsoft.Extensions.Options;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.ScaleOut;

/// <summary>
/// Keeps this node's lease alive: every <see cref="ScaleOutOptions.LeaseRenew"/> it renews the lease
/// with the rooms it holds connections in, prunes rooms it left, and retries leaves that failed
/// while shared state was unreachable (broadcasting ParticipantLeft for them). Failures are logged
/// and retried on the next tick; if they last longer than the lease, other nodes sweep this one.
/// </summary>
public sealed class NodeLeaseService(
    INodeLeaseStore leases,
    LocalConnections local,
    RoomLeaseRecorder recorder,
    IPresenceStore presence,
    RoomBroadcaster broadcast,
    NodeIdentity node,
    IOptions<ScaleOutOptions> options,
    TimeProvider time,
    ILogger<NodeLeaseService> logger) : BackgroundService
{
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LeaseRenew, time);
        do
        {
            await RenewOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One renewal round; public so tests can drive it.</summary>
    public async Task RenewOnceAsync(CancellationToken ct)
    {
        try
        {
            await leases.RenewAsync(node.NodeId, local.Rooms, time.GetUtcNow(), options.Value.LeaseTtl, ct);
            await recorder.PruneAsync(ct);
            await RetryPendingLeavesAsync(ct);
            if (_failing) ScaleOutLog.LeaseRenewalRecovered(logger, node.NodeId);
            _failing = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!_failing) ScaleOutLog.LeaseRenewalFailed(logger, node.NodeId, ex.GetType().Name);
            _failing = true;
        }
    }

    private async Task RetryPendingLeavesAsync(CancellationToken ct)
    {
        foreach (var leave in local.PendingLeaves())
        {
            if (!local.IsLeavePending(leave)) continue;
            var result = await presence.LeaveAsync(leave.RoomId, leave.UserId, leave.ConnectionId, ct);
            ScaleOutLog.PendingLeaveWritten(logger, leave.RoomId);
            if (result.Left is { } left) await broadcast.LeftAsync(leave.RoomId, left);
        }
    }
}
