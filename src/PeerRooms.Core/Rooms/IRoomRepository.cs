namespace PeerRooms.Core.Rooms;

/// <summary>
/// Durable store of rooms (SQLite by default, PostgreSQL when configured). Every write is durable
/// when the task completes.
/// </summary>
public interface IRoomRepository
{
    Task CreateAsync(Room room, CancellationToken ct = default);
    Task<Room?> GetAsync(string roomId, CancellationToken ct = default);
    /// <summary>Rooms ordered by name; <paramref name="facilitatorUserId"/> restricts to rooms that user facilitates.</summary>
    Task<IReadOnlyList<Room>> ListAsync(bool includeArchived, string? facilitatorUserId, CancellationToken ct = default);
    /// <summary>Replaces the stored room; returns false when it does not exist.</summary>
    Task<bool> UpdateAsync(Room room, CancellationToken ct = default);
}
