using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

/// <summary>
/// What the client remembers about each room it joined, so it can rejoin after a reconnect and
/// tell new messages from ones it already raised. Not thread-safe on its own: every access happens
/// under the client's delivery lock, which also orders event delivery.
/// </summary>
internal sealed class JoinedRooms
{
    private readonly Dictionary<string, TrackedRoom> _rooms = new(StringComparer.Ordinal);

    public TrackedRoom? Find(string roomId) => _rooms.GetValueOrDefault(roomId);

    /// <summary>Starts tracking (or re-tracks) a room; returns whether it was new.</summary>
    public TrackedRoom Track(string roomId, string displayName, int? acceptedGuidelinesVersion, out bool added)
    {
        added = !_rooms.TryGetValue(roomId, out var room);
        if (room is null) _rooms[roomId] = room = new TrackedRoom(roomId);
        room.DisplayName = displayName;
        room.AcceptedGuidelinesVersion = acceptedGuidelinesVersion;
        return room;
    }

    public bool Forget(string roomId) => _rooms.Remove(roomId);

    public TrackedRoom[] Snapshot() => [.. _rooms.Values];

    public IReadOnlyCollection<string> RoomIds => [.. _rooms.Keys];
}

/// <summary>One joined room: how to rejoin it and which sequence numbers were already raised.</summary>
internal sealed class TrackedRoom(string roomId)
{
    private const int SeenCapacity = 1024;
    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _seenOrder = new();

    public string RoomId { get; } = roomId;
    public string DisplayName { get; set; } = "";
    public int? AcceptedGuidelinesVersion { get; set; }

    /// <summary>The newest sequence number raised or received in a join response.</summary>
    public long HighestSequence { get; private set; }

    /// <summary>
    /// While joining or recovering, live messages are parked here and raised after the history, so
    /// the application sees messages in order and each once.
    /// </summary>
    public bool Recovering { get; set; }

    public List<MessageView> Parked { get; } = [];

    /// <summary>Records a sequence number; false when it was already seen (a duplicate).</summary>
    public bool MarkSeen(long sequence)
    {
        if (!_seen.Add(sequence)) return false;
        _seenOrder.Enqueue(sequence);
        while (_seenOrder.Count > SeenCapacity) _seen.Remove(_seenOrder.Dequeue());
        if (sequence > HighestSequence) HighestSequence = sequence;
        return true;
    }

    /// <summary>The session restarted: sequence numbers begin again, so forget the old ones.</summary>
    public void ResetSequences()
    {
        _seen.Clear();
        _seenOrder.Clear();
        HighestSequence = 0;
    }
}
