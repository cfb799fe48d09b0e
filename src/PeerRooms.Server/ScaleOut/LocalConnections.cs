using PeerRooms.Core.Live;

namespace PeerRooms.Server.ScaleOut;

/// <summary>A connection of this node whose leave could not be written (shared state was unreachable).</summary>
public sealed record PendingLeave(string RoomId, string UserId, string ConnectionId);

/// <summary>A live connection of this node in a room, with the participant it joined as (to re-assert it).</summary>
public sealed record LocalPresence(string RoomId, string ConnectionId, Participant Participant);

/// <summary>
/// Which rooms this node holds connections in, as this node alone knows for sure. Registered before
/// a join reaches the shared presence store and released only after the leave was written there,
/// so the node's lease never omits a room the shared store could still list one of its connections in.
/// </summary>
public sealed class LocalConnections
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Dictionary<string, string>> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RoomId, string ConnectionId), string> _pending = new();
    private readonly Dictionary<(string RoomId, string UserId), Participant> _participants = new();

    /// <summary>Records a connection; true when the node held no connection in that room before.</summary>
    public bool Register(string roomId, string connectionId, string userId)
    {
        lock (_lock)
        {
            _pending.Remove((roomId, connectionId));
            var isNewRoom = !_rooms.TryGetValue(roomId, out var connections);
            if (isNewRoom) _rooms[roomId] = connections = new Dictionary<string, string>(StringComparer.Ordinal);
            connections![connectionId] = userId;
            return isNewRoom;
        }
    }

    public bool IsRegistered(string roomId, string connectionId)
    {
        lock (_lock) return _rooms.TryGetValue(roomId, out var connections) && connections.ContainsKey(connectionId);
    }

    /// <summary>Remembers who a local user is in a room (after a join or an update), to re-assert it if shared presence loses it.</summary>
    public void Remember(string roomId, Participant participant)
    {
        lock (_lock)
        {
            if (_rooms.TryGetValue(roomId, out var connections) && connections.ContainsValue(participant.UserId))
                _participants[(roomId, participant.UserId)] = participant;
        }
    }

    public void Release(string roomId, string connectionId)
    {
        lock (_lock)
        {
            _pending.Remove((roomId, connectionId));
            if (!_rooms.TryGetValue(roomId, out var connections) || !connections.Remove(connectionId, out var userId)) return;
            if (!connections.ContainsValue(userId)) _participants.Remove((roomId, userId));
            if (connections.Count == 0) _rooms.Remove(roomId);
        }
    }

    public void ReleaseUser(string roomId, string userId)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var connections)) return;
            foreach (var (connectionId, owner) in connections.ToArray())
            {
                if (owner != userId) continue;
                connections.Remove(connectionId);
                _pending.Remove((roomId, connectionId));
            }
            _participants.Remove((roomId, userId));
            if (connections.Count == 0) _rooms.Remove(roomId);
        }
    }

    public void ReleaseRoom(string roomId)
    {
        lock (_lock)
        {
            _rooms.Remove(roomId);
            foreach (var key in _pending.Keys.Where(k => k.RoomId == roomId).ToArray()) _pending.Remove(key);
            foreach (var key in _participants.Keys.Where(k => k.RoomId == roomId).ToArray()) _participants.Remove(key);
        }
    }

    /// <summary>Keeps the connection registered and remembers to retry its leave.</summary>
    public void MarkLeavePending(string roomId, string connectionId, string userId)
    {
        lock (_lock)
        {
            if (_rooms.TryGetValue(roomId, out var connections) && connections.ContainsKey(connectionId))
                _pending[(roomId, connectionId)] = userId;
        }
    }

    public IReadOnlyList<PendingLeave> PendingLeaves()
    {
        lock (_lock) return _pending.Select(p => new PendingLeave(p.Key.RoomId, p.Value, p.Key.ConnectionId)).ToArray();
    }

    /// <summary>Whether the leave is still wanted (the connection did not join the room again meanwhile).</summary>
    public bool IsLeavePending(PendingLeave leave)
    {
        lock (_lock) return _pending.ContainsKey((leave.RoomId, leave.ConnectionId));
    }

    /// <summary>Every live (not leaving) local connection whose participant is known.</summary>
    public IReadOnlyList<LocalPresence> Snapshot()
    {
        lock (_lock)
        {
            var result = new List<LocalPresence>();
            foreach (var (roomId, connections) in _rooms)
            {
                foreach (var (connectionId, userId) in connections)
                {
                    if (_pending.ContainsKey((roomId, connectionId))) continue;
                    if (_participants.TryGetValue((roomId, userId), out var participant)) result.Add(new LocalPresence(roomId, connectionId, participant));
                }
            }
            return result;
        }
    }

    public IReadOnlyCollection<string> Rooms
    {
        get { lock (_lock) return _rooms.Keys.ToArray(); }
    }

    public int ConnectionCount
    {
        get { lock (_lock) return _rooms.Values.Sum(c => c.Count); }
    }
}
