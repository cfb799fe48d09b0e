using System.Collections.Concurrent;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Keeps rooms read on the message hot path for a short time. Writes through this node invalidate
/// at once; changes made on another node are seen within <see cref="Ttl"/>.
/// <para>
/// Every message reads its room, so a hit allocates nothing: the cache keeps the completed task it
/// returns (a fresh <c>Task&lt;Room?&gt;</c> per call was one allocation per message), and the clock
/// is the monotonic timestamp rather than the wall clock.
/// </para>
/// </summary>
public sealed class CachedRoomRepository(IRoomRepository inner, TimeProvider time) : IRoomRepository
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (Task<Room?> Room, long Expires)> _cache = new(StringComparer.Ordinal);
    private readonly long _ttlTicks = (long)(Ttl.TotalSeconds * time.TimestampFrequency);

    public async Task CreateAsync(Room room, CancellationToken ct = default)
    {
        await inner.CreateAsync(room, ct);
        _cache.TryRemove(room.Id, out _);
    }

    public Task<Room?> GetAsync(string roomId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(roomId, out var hit) && hit.Expires - time.GetTimestamp() > 0) return hit.Room;
        return ReadAsync(roomId, ct);
    }

    private async Task<Room?> ReadAsync(string roomId, CancellationToken ct)
    {
        var expires = time.GetTimestamp() + _ttlTicks;
        var room = await inner.GetAsync(roomId, ct);
        _cache[roomId] = (Task.FromResult(room), expires);
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
