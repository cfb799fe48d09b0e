namespace PeerRooms.Server.Telemetry;

/// <summary>
/// How many local connections are in each room, so "rooms live on this node" can be observed. Room
/// ids stay in this process's memory; only the number of rooms is exported.
/// </summary>
internal sealed class LocalRoomCounts
{
    private readonly Dictionary<string, int> _connectionsPerRoom = new(StringComparer.Ordinal);

    public int Count { get { lock (_connectionsPerRoom) return _connectionsPerRoom.Count; } }

    public void Increment(string roomId)
    {
        lock (_connectionsPerRoom)
            _connectionsPerRoom[roomId] = _connectionsPerRoom.GetValueOrDefault(roomId) + 1;
    }

    public void Decrement(string roomId)
    {
        lock (_connectionsPerRoom)
        {
            if (!_connectionsPerRoom.TryGetValue(roomId, out var n)) return;
            if (n <= 1) _connectionsPerRoom.Remove(roomId);
            else _connectionsPerRoom[roomId] = n - 1;
        }
    }
}
