using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.State;

/// <summary>Moderation state for a single node: one immutable value per room, swapped under a lock.</summary>
public sealed class InMemoryModerationStore : IModerationStore
{
    private readonly Dictionary<string, RoomModeration> _rooms = new(StringComparer.Ordinal);

    public Task<RoomModeration> GetAsync(string roomId, CancellationToken ct = default)
    {
        lock (_rooms) return Task.FromResult(_rooms.GetValueOrDefault(roomId) ?? RoomModeration.Empty);
    }

    public Task<RoomModeration> UpdateAsync(string roomId, Func<RoomModeration, RoomModeration> change, CancellationToken ct = default)
    {
        lock (_rooms)
        {
            var current = _rooms.GetValueOrDefault(roomId) ?? RoomModeration.Empty;
            var next = change(current);
            if (!ReferenceEquals(next, current)) _rooms[roomId] = next;
            return Task.FromResult(next);
        }
    }

    public Task ClearAsync(string roomId, CancellationToken ct = default)
    {
        lock (_rooms) _rooms.Remove(roomId);
        return Task.CompletedTask;
    }
}
