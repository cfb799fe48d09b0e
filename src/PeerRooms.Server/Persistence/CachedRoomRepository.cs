using System.Collections.Concurrent;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Keeps rooms read on the message hot path for a short time. Writes through this node invalidate
/// at once; changes made on another node are seen within <see cref="Ttl"/>.
/// </summary>
public sealed class CachedRoomRepository(IRoomRepository inner, TimeProvider time) : IRoomRepository
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (Room? Room, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async Task CreateAsync(Room room, CancellationToken ct = default)
    {
        await inner.CreateAsync(room, ct);
        _cache.TryRemove(room.Id, out _);
    }

    public async Task<Room?> GetAsync(string roomId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(roomId, out var hit) && hit.Expires > now) return hit.Room;
        var room = await inner.GetAsync(roomId, ct);
        _cache[roomId] = (room, now + Ttl);
        if (_cache.Count > 10_000) _cache.Clear(); // bounded: ids come from clients
        return room;
    }

    public Task<IReadOnlyList<Room>> ListAsync(bool includeArchived, string? facilitatorUserId, CancellationToken ct = default)
        => inner.ListAsync(includeArchived, facilitatorUserId, ct);

    public async Task<bool> UpdateAsync(Room room, CancellationToken ct = default)
    {
        var updated = await inner.UpdateAsync(room, ct);
        _cache.TryRemove(room.Id, out _);
        return updated;
    }
}
