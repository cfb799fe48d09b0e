using Microsoft.Extensions.Options;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.ScaleOut;

/// <summary>
/// Keeps this node's lease alive: every <see cref="ScaleOutOptions.LeaseRenew"/> it renews the lease
/// with the rooms it holds connections in, prunes rooms it left, and retries leaves that failed
/// while shared state was unreachable (broadcasting ParticipantLeft for them). Failures are logged
/// and retried on the next tick; if they last longer than the lease, other nodes sweep this one.
/// When a renewal finds the lease lapsed or gone (this node was swept, or Redis lost its data) the
/// node re-asserts its live connections in the shared presence (announcing participants who had
/// vanished), on that round and the next, because a sweeper that read the lease as expired may
/// still be finishing.
/// </summary>
public sealed class NodeLeaseService(
    INodeLeaseStore leases,
    LocalConnections local,
    RoomLeaseRecorder recorder,
    IPresenceStore presence,
    IRoomRepository rooms,
    RoomBroadcaster broadcast,
    NodeIdentity node,
    IOptions<ScaleOutOptions> options,
    TimeProvider time,
    ILogger<NodeLeaseService> logger) : BackgroundService
{
    private bool _failing;
    private bool _renewedBefore;
    private int _reassertRounds;

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
            var alive = await leases.RenewAsync(node.NodeId, local.Rooms, time.GetUtcNow(), options.Value.LeaseTtl, ct);
            if (!alive && _renewedBefore)
            {
                ScaleOutLog.LeaseLapsed(logger, node.NodeId, local.ConnectionCount);
                _reassertRounds = 2;
            }
            _renewedBefore = true;
            await recorder.PruneAsync(ct);
            await RetryPendingLeavesAsync(ct);
            if (_reassertRounds > 0)
            {
                await ReassertAsync(ct);
                _reassertRounds--;
            }
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

    /// <summary>Puts every live local connection back into the shared presence (idempotent for those still there).</summary>
    private async Task ReassertAsync(CancellationToken ct)
    {
        foreach (var entry in local.Snapshot())
        {
            var room = await rooms.GetAsync(entry.RoomId, ct);
            if (room is null) continue;
            try
            {
                var joined = await presence.JoinAsync(entry.RoomId, entry.Participant, new ConnectionRef(entry.ConnectionId, node.NodeId), room.Capacity, ct);
                if (!joined.IsNewParticipant) continue;
                ScaleOutLog.ParticipantReasserted(logger, entry.RoomId);
                await broadcast.JoinedAsync(entry.RoomId, joined.Participant, entry.ConnectionId);
            }
            catch (PeerRoomsException ex)
            {
                // E.g. the seat or the name was taken meanwhile: the connection's calls answer not_member until it joins again.
                ScaleOutLog.ReassertRefused(logger, entry.RoomId, ex.Code);
            }
        }
    }
}
