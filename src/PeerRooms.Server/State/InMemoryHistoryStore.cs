using PeerRooms.Core.Live;

namespace PeerRooms.Server.State;

/// <summary>Live history for a single node: a bounded ring per room plus the dedupe index.</summary>
public sealed class InMemoryHistoryStore : IHistoryStore
{
    private sealed class RoomHistory
    {
        public long NextSequence = 1;
        public readonly LinkedList<ChatMessage> Ring = new();
        /// <summary>(sender, client message id) → the stored message, kept for the whole session.</summary>
        public readonly Dictionary<(string, string), ChatMessage> Seen = new();
    }

    private readonly Dictionary<string, RoomHistory> _rooms = new(StringComparer.Ordinal);

    private RoomHistory Room(string roomId)
    {
        lock (_rooms)
        {
            if (!_rooms.TryGetValue(roomId, out var room)) _rooms[roomId] = room = new RoomHistory();
            return room;
        }
    }

    public Task<AppendResult> AppendAsync(string roomId, ChatMessage message, int limit, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            var key = (message.SenderUserId, message.ClientMessageId);
            if (room.Seen.TryGetValue(key, out var original)) return Task.FromResult(new AppendResult(original, true));
            var stored = message with { Sequence = room.NextSequence++ };
            room.Seen[key] = stored;
            room.Ring.AddLast(stored);
            while (room.Ring.Count > limit) room.Ring.RemoveFirst();
            return Task.FromResult(new AppendResult(stored, false));
        }
    }

    public Task<ChatMessage?> FindAsync(string roomId, string senderUserId, string clientMessageId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room) return Task.FromResult(room.Seen.GetValueOrDefault((senderUserId, clientMessageId)));
    }

    public Task<IReadOnlyList<ChatMessage>> GetAsync(string roomId, long afterSequence, int max, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            var newer = room.Ring.Where(m => m.Sequence > afterSequence).ToList();
            return Task.FromResult<IReadOnlyList<ChatMessage>>(newer.Skip(Math.Max(0, newer.Count - max)).ToArray());
        }
    }

    public Task<bool> RemoveAsync(string roomId, string messageId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            for (var node = room.Ring.First; node is not null; node = node.Next)
            {
                if (node.Value.MessageId != messageId) continue;
                room.Ring.Remove(node);
                return Task.FromResult(true);
            }
            return Task.FromResult(false);
        }
    }

    public Task ClearAsync(string roomId, CancellationToken ct = default)
    {
        lock (_rooms) _rooms.Remove(roomId);
        return Task.CompletedTask;
    }
}
