using System.Collections.Concurrent;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.State;

/// <summary>
/// Rosters for a single node. One lock per room keeps every read-modify-write atomic, matching the
/// Redis implementation's Lua scripts.
/// </summary>
public sealed class InMemoryPresenceStore : IPresenceStore
{
    private sealed class RoomPresence
    {
        public readonly Dictionary<string, Participant> ByUser = new(StringComparer.Ordinal);
        public readonly Dictionary<string, List<ConnectionRef>> Connections = new(StringComparer.Ordinal);
    }

    /// <summary>Rooms by id; looked up on every message without a node-wide lock (each room has its own).</summary>
    private readonly ConcurrentDictionary<string, RoomPresence> _rooms = new(StringComparer.Ordinal);

    private RoomPresence Room(string roomId) => _rooms.GetOrAdd(roomId, static _ => new RoomPresence());

    public Task<JoinResult> JoinAsync(string roomId, Participant candidate, ConnectionRef connection, int capacity, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            if (room.ByUser.TryGetValue(candidate.UserId, out var existing))
            {
                var list = room.Connections[candidate.UserId];
                if (!list.Contains(connection)) list.Add(connection);
                return Task.FromResult(new JoinResult(existing, false));
            }
            if (room.ByUser.Count >= capacity) throw new PeerRoomsException(ErrorCodes.RoomFull, "the room is full");
            if (room.ByUser.Values.Any(p => string.Equals(p.DisplayName, candidate.DisplayName, StringComparison.OrdinalIgnoreCase)))
                throw new PeerRoomsException(ErrorCodes.DisplayNameTaken, "someone in this session already uses that name");
            room.ByUser[candidate.UserId] = candidate;
            room.Connections[candidate.UserId] = [connection];
            return Task.FromResult(new JoinResult(candidate, true));
        }
    }

    public Task<LeaveResult> LeaveAsync(string roomId, string userId, string connectionId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            if (!room.Connections.TryGetValue(userId, out var list)) return Task.FromResult(new LeaveResult(null));
            list.RemoveAll(c => c.ConnectionId == connectionId);
            if (list.Count > 0) return Task.FromResult(new LeaveResult(null));
            room.Connections.Remove(userId);
            room.ByUser.Remove(userId, out var left);
            return Task.FromResult(new LeaveResult(left));
        }
    }

    public Task<Participant?> RemoveAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            room.Connections.Remove(userId);
            room.ByUser.Remove(userId, out var removed);
            return Task.FromResult(removed);
        }
    }

    public Task<Participant?> GetAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room) return Task.FromResult(room.ByUser.GetValueOrDefault(userId));
    }

    public Task<IReadOnlyList<Participant>> GetRosterAsync(string roomId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
            return Task.FromResult<IReadOnlyList<Participant>>(room.ByUser.Values.OrderBy(p => p.JoinedAt).ThenBy(p => p.ParticipantId, StringComparer.Ordinal).ToArray());
    }

    public Task<IReadOnlyList<ConnectionRef>> GetConnectionsAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
            return Task.FromResult<IReadOnlyList<ConnectionRef>>(room.Connections.TryGetValue(userId, out var list) ? list.ToArray() : []);
    }

    public Task<Participant?> UpdateAsync(string roomId, string userId, Func<Participant, Participant> change, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            if (!room.ByUser.TryGetValue(userId, out var current)) return Task.FromResult<Participant?>(null);
            var next = change(current);
            room.ByUser[userId] = next;
            return Task.FromResult<Participant?>(next);
        }
    }

    public Task<IReadOnlyList<Participant>> RemoveNodeConnectionsAsync(string roomId, string nodeId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        var left = new List<Participant>();
        lock (room)
        {
            foreach (var (userId, list) in room.Connections.ToArray())
            {
                if (list.RemoveAll(c => c.NodeId == nodeId) == 0 || list.Count > 0) continue;
                room.Connections.Remove(userId);
                if (room.ByUser.Remove(userId, out var participant)) left.Add(participant);
            }
        }
        return Task.FromResult<IReadOnlyList<Participant>>(left);
    }

    public Task ClearRoomAsync(string roomId, CancellationToken ct = default)
    {
        _rooms.TryRemove(roomId, out _);
        return Task.CompletedTask;
    }
}
