namespace PeerRooms.Server.ScaleOut;

/// <summary>A connection of this node whose leave could not be written (shared state was unreachable).</summary>
public sealed record PendingLeave(string RoomId, string UserId, string ConnectionId);

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

    public void Release(string roomId, string connectionId)
    {
        lock (_lock)
        {
            _pending.Remove((roomId, connectionId));
            if (!_rooms.TryGetValue(roomId, out var connections)) return;
            connections.Remove(connectionId);
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
            if (connections.Count == 0) _rooms.Remove(roomId);
        }
    }

    public void ReleaseRoom(string roomId)
    {
        lock (_lock)
        {
            _rooms.Remove(roomId);
            foreach (var key in _pending.Keys.Where(k => k.RoomId == roomId).ToArray()) _pending.Remove(key);
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

    public IReadOnlyCollection<string> Rooms
    {
        get { lock (_lock) return _rooms.Keys.ToArray(); }
    }

    public int ConnectionCount
    {
        get { lock (_lock) return _rooms.Values.Sum(c => c.Count); }
    }
}
