using System.Collections.Concurrent;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.State;

/// <summary>
/// Moderation state for a single node: one immutable value per room, swapped under a lock. Every
/// message reads it, so reads take no lock and allocate nothing: the store keeps each room's value as
/// the completed task it hands out. Writers still serialise on one lock, so each read-modify-write is
/// atomic (as the Redis implementation's scripts are).
/// </summary>
public sealed class InMemoryModerationStore : IModerationStore
{
    private static readonly Task<RoomModeration> Empty = Task.FromResult(RoomModeration.Empty);
    private readonly ConcurrentDictionary<string, Task<RoomModeration>> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _write = new();

    public Task<RoomModeration> GetAsync(string roomId, CancellationToken ct = default)
        => _rooms.TryGetValue(roomId, out var state) ? state : Empty;

    public Task<RoomModeration> UpdateAsync(string roomId, Func<RoomModeration, RoomModeration> change, CancellationToken ct = default)
    {
        lock (_write)
        {
            var current = _rooms.TryGetValue(roomId, out var state) ? state : Empty;
            var next = change(current.Result);
            if (ReferenceEquals(next, current.Result)) return current;
            var stored = Task.FromResult(next);
            _rooms[roomId] = stored;
            return stored;
        }
    }

    public Task ClearAsync(string roomId, CancellationToken ct = default)
    {
        lock (_write) _rooms.TryRemove(roomId, out _);
        return Task.CompletedTask;
    }
}
