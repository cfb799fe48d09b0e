using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Crisis;
using PeerRooms.Server.Crisis;

namespace PeerRooms.Server.State;

/// <summary>
/// Participants' risk trajectories in this node's memory. Per node by design (for now): a
/// participant's messages are combined on the node that receives them; with several tabs on
/// different nodes each node sees part of the trajectory, which can only delay a raise, never
/// lower a level or lose a case (every single-message detection still escalates on its own).
/// Bounded: entries older than the window are dropped when the map grows.
/// </summary>
public sealed class InMemoryRiskTrajectoryStore(IOptions<CrisisOptions> options) : IRiskTrajectoryStore
{
    private const int SweepAbove = 20_000;
    private readonly ConcurrentDictionary<(string Room, string User), RiskTrajectory> _trajectories = new();

    public Task<RiskTrajectory> AddAsync(string roomId, string userId, CrisisScanResult result, DateTimeOffset at, CancellationToken ct = default)
    {
        var window = options.Value.TrajectoryWindow;
        var updated = _trajectories.AddOrUpdate((roomId, userId),
            static (_, s) => RiskTrajectory.Empty(s.window).Add(s.result, s.at),
            static (_, existing, s) => existing.Add(s.result, s.at),
            (window, result, at));
        if (_trajectories.Count > SweepAbove) Sweep(at, window);
        return Task.FromResult(updated);
    }

    private void Sweep(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, trajectory) in _trajectories)
        {
            if (trajectory.Recent.Count == 0 || now - trajectory.Recent[^1].At >= window) _trajectories.TryRemove(key, out _);
        }
    }
}
