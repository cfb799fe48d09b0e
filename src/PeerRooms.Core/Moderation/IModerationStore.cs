namespace PeerRooms.Core.Moderation;

/// <summary>
/// The live moderation state of each room (<see cref="RoomModeration"/>). In memory on a single
/// node; in Redis when scaled out, so every node enforces the same mutes, locks and bans.
/// </summary>
public interface IModerationStore
{
    /// <summary>The room's state; <see cref="RoomModeration.Empty"/> when nothing was set.</summary>
    Task<RoomModeration> GetAsync(string roomId, CancellationToken ct = default);

    /// <summary>
    /// Atomically replaces the room's state with <paramref name="change"/>(current). The function may
    /// run more than once (optimistic retry on a concurrent write), so it must be pure; if it throws,
    /// nothing is written and the exception propagates. Returning the same instance writes nothing.
    /// Fails with <c>conflict</c> when contention does not settle.
    /// </summary>
    Task<RoomModeration> UpdateAsync(string roomId, Func<RoomModeration, RoomModeration> change, CancellationToken ct = default);

    /// <summary>Forgets the room's state (session end).</summary>
    Task ClearAsync(string roomId, CancellationToken ct = default);
}

/// <summary>
/// Slow mode's memory of each participant's last accepted message. Separate from
/// <see cref="IModerationStore"/> because it is touched on every message: one atomic
/// check-and-record per send, without contending with facilitator actions.
/// </summary>
public interface ISlowModeGate
{
    /// <summary>
    /// Records a send at <paramref name="now"/> and returns null when the user's previous recorded
    /// send is at least <paramref name="window"/> old (or absent); otherwise records nothing and
    /// returns how long they must still wait. Atomic across nodes.
    /// </summary>
    Task<TimeSpan?> TryPassAsync(string roomId, string userId, DateTimeOffset now, TimeSpan window, CancellationToken ct = default);

    /// <summary>Forgets the room's send times (session end).</summary>
    Task ClearAsync(string roomId, CancellationToken ct = default);
}
