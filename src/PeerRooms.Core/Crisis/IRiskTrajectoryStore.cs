namespace PeerRooms.Core.Crisis;

/// <summary>
/// Keeps each participant's <see cref="RiskTrajectory"/> per room, so risk spread over several
/// messages is combined. Live state: lost on restart by design (it only ever raises a level, and
/// it expires after the trajectory window anyway).
/// </summary>
public interface IRiskTrajectoryStore
{
    /// <summary>Adds <paramref name="result"/> to the participant's trajectory atomically and returns the new trajectory.</summary>
    Task<RiskTrajectory> AddAsync(string roomId, string userId, CrisisScanResult result, DateTimeOffset at, CancellationToken ct = default);
}
