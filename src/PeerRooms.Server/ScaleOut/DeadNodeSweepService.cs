using Microsoft.Extensions.Options;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.ScaleOut;

/// <summary>
/// Runs <see cref="DeadNodeSweep"/> on every node every <see cref="ScaleOutOptions.SweepInterval"/>
/// and broadcasts ParticipantLeft for each participant who left with a dead node (each departure
/// is reported to exactly one sweeper, so the event goes out once).
/// </summary>
public sealed class DeadNodeSweepService(
    DeadNodeSweep sweep,
    RoomBroadcaster broadcast,
    NodeIdentity node,
    IOptions<ScaleOutOptions> options,
    TimeProvider time,
    ILogger<DeadNodeSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepOnceAsync(stoppingToken);
    }

    /// <summary>One sweep round; public so tests can drive it.</summary>
    public async Task<IReadOnlyList<SweptDeparture>> SweepOnceAsync(CancellationToken ct)
    {
        try
        {
            var departures = await sweep.SweepAsync(node.NodeId, ct);
            foreach (var nodeId in departures.Select(d => d.NodeId).Distinct())
                ScaleOutLog.DeadNodeSwept(logger, nodeId, departures.Count(d => d.NodeId == nodeId));
            foreach (var d in departures) await broadcast.LeftAsync(d.RoomId, d.Participant);
            return departures;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ScaleOutLog.SweepFailed(logger, ex.GetType().Name);
            return [];
        }
    }
}
