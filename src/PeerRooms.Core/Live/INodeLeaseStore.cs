namespace PeerRooms.Core.Live;

/// <summary>
/// Leases by which nodes that share live state show they are alive. A node renews its lease every
/// few seconds and records every room it holds connections in, before the first connection joins;
/// when a lease lapses (the node was killed, or cut off from Redis for longer than the lease), any
/// node may sweep that node's connections out of those rooms (<see cref="DeadNodeSweep"/>).
/// </summary>
public interface INodeLeaseStore
{
    /// <summary>
    /// Extends <paramref name="nodeId"/>'s lease to <paramref name="now"/> + <paramref name="ttl"/> and
    /// records <paramref name="rooms"/> as held by it. Returns false when the lease had lapsed or was
    /// gone (first renewal, swept as dead, or the store lost its data): the node's connections may
    /// have been removed from the shared presence, and it should re-assert them.
    /// </summary>
    Task<bool> RenewAsync(string nodeId, IReadOnlyCollection<string> rooms, DateTimeOffset now, TimeSpan ttl, CancellationToken ct = default);

    /// <summary>Records that the node is about to hold a connection in <paramref name="roomId"/> (so a crash right after is still swept).</summary>
    Task AddRoomAsync(string nodeId, string roomId, CancellationToken ct = default);

    /// <summary>Forgets rooms the node no longer holds connections in (keeps the sweep small).</summary>
    Task RemoveRoomsAsync(string nodeId, IReadOnlyCollection<string> roomIds, CancellationToken ct = default);

    /// <summary>Every room recorded for the node.</summary>
    Task<IReadOnlyList<string>> RoomsAsync(string nodeId, CancellationToken ct = default);

    /// <summary>Nodes whose lease ended before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Drops a swept node's lease and rooms, unless it renewed meanwhile (then false).</summary>
    Task<bool> ForgetAsync(string nodeId, DateTimeOffset now, CancellationToken ct = default);
}
