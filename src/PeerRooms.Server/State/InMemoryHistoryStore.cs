using System.Collections.Concurrent;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.State;

/// <summary>
/// Live history for a single node: a bounded ring per room plus the dedupe index. The index lives for
/// the whole session but keeps only each message's <see cref="MessageReceipt"/> (id and sequence), so
/// text never outlives the ring and the index costs a few dozen bytes per message.
/// </summary>
public sealed class InMemoryHistoryStore : IHistoryStore
{
    private sealed class RoomHistory
    {
        public long NextSequence = 1;
        public readonly LinkedList<ChatMessage> Ring = new();
        /// <summary>(sender, client message id) → the stored message's receipt, kept for the whole session.</summary>
        public readonly Dictionary<(string, string), MessageReceipt> Seen = new();
    }

    /// <summary>Rooms by id; looked up on every message without a node-wide lock (each room has its own).</summary>
    private readonly ConcurrentDictionary<string, RoomHistory> _rooms = new(StringComparer.Ordinal);

    private RoomHistory Room(string roomId) => _rooms.GetOrAdd(roomId, static _ => new RoomHistory());

    public Task<AppendResult> AppendAsync(string roomId, ChatMessage message, int limit, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room)
        {
            var key = (message.SenderUserId, message.ClientMessageId);
            if (room.Seen.TryGetValue(key, out var original)) return Task.FromResult(AppendResult.Retry(original));
            var stored = message with { Sequence = room.NextSequence++ };
            room.Seen[key] = new MessageReceipt(stored.MessageId, stored.Sequence);
            room.Ring.AddLast(stored);
            while (room.Ring.Count > limit) room.Ring.RemoveFirst();
            return Task.FromResult(AppendResult.New(stored));
        }
    }

    public Task<MessageReceipt?> FindAsync(string roomId, string senderUserId, string clientMessageId, CancellationToken ct = default)
    {
        var room = Room(roomId);
        lock (room) return Task.FromResult<MessageReceipt?>(room.Seen.TryGetValue((senderUserId, clientMessageId), out var receipt) ? receipt : null);
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
        _rooms.TryRemove(roomId, out _);
        return Task.CompletedTask;
    }
}
