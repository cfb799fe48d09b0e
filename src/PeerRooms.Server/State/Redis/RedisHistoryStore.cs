using System.Globalization;
using System.Text.Json;
using PeerRooms.Core.Live;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Live history in Redis: sequence via INCR, the ring as a sorted set plus a hash, and the dedupe
/// index, all updated by one Lua script per append so two nodes can never hand out the same
/// sequence or store a retry twice. Still ephemeral by design: keys expire after
/// <see cref="IdleTtl"/> without messages (abandoned sessions) and <see cref="ClearAsync"/> wipes
/// them at session end. Whether an acknowledged message survives a Redis restart depends on
/// Redis persistence (appendonly); see docs/architecture.md.
/// </summary>
public sealed class RedisHistoryStore(RedisConnection redis) : IHistoryStore
{
    /// <summary>How long a room's history outlives its last message.</summary>
    public static readonly TimeSpan IdleTtl = TimeSpan.FromDays(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisKeys Keys => redis.Keys;

    private RedisKey[] RoomKeys(string roomId) =>
        [Keys.HistorySequence(roomId), Keys.History(roomId), Keys.HistoryMessages(roomId), Keys.HistoryDedupe(roomId)];

    public async Task<AppendResult> AppendAsync(string roomId, ChatMessage message, int limit, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(RedisHistoryScripts.Append, RoomKeys(roomId),
        [
            DedupeField(message.SenderUserId, message.ClientMessageId), message.MessageId,
            JsonSerializer.Serialize(message with { Sequence = 0 }, Json), Math.Max(1, limit), (long)IdleTtl.TotalSeconds,
        ]))!;
        // A new message comes back as its sequence only: the stored JSON is this message's, so it is not parsed back.
        return (int)result[0] == 1 ? AppendResult.Retry(ParseReceipt((string)result[1]!)) : AppendResult.New(message with { Sequence = (long)result[1] });
    }

    public async Task<MessageReceipt?> FindAsync(string roomId, string senderUserId, string clientMessageId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var stored = await db.HashGetAsync(Keys.HistoryDedupe(roomId), DedupeField(senderUserId, clientMessageId));
        return stored.IsNull ? null : ParseReceipt(stored!);
    }

    public async Task<IReadOnlyList<ChatMessage>> GetAsync(string roomId, long afterSequence, int max, CancellationToken ct = default)
    {
        if (max <= 0) return [];
        var db = await redis.DatabaseAsync();
        var values = (RedisResult[])(await db.ScriptEvaluateAsync(RedisHistoryScripts.Get, RoomKeys(roomId), [afterSequence, max]))!;
        var messages = values.Select(v => Parse((string)v!)).ToList();
        messages.Reverse(); // the script returns newest first
        return messages;
    }

    public async Task<bool> RemoveAsync(string roomId, string messageId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        return (int)await db.ScriptEvaluateAsync(RedisHistoryScripts.Remove, RoomKeys(roomId), [messageId]) == 1;
    }

    public async Task ClearAsync(string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        await db.KeyDeleteAsync(RoomKeys(roomId));
    }

    /// <summary>Unambiguous for any ids: the sender id is length-prefixed.</summary>
    internal static string DedupeField(string senderUserId, string clientMessageId)
        => string.Create(CultureInfo.InvariantCulture, $"{senderUserId.Length}:{senderUserId}:{clientMessageId}");

    /// <summary>
    /// A dedupe entry: "sequence messageId". Entries written before receipts (a rolling upgrade, the same
    /// session) hold "sequence json" of the whole message; the id is read from that.
    /// </summary>
    internal static MessageReceipt ParseReceipt(string stored)
    {
        if (stored.AsSpan(stored.IndexOf(' ') + 1).StartsWith("{")) { var old = Parse(stored); return new MessageReceipt(old.MessageId, old.Sequence); }
        var space = stored.IndexOf(' ');
        return new MessageReceipt(stored[(space + 1)..], long.Parse(stored.AsSpan(0, space), CultureInfo.InvariantCulture));
    }

    private static ChatMessage Parse(string stored)
    {
        var space = stored.IndexOf(' ');
        var sequence = long.Parse(stored.AsSpan(0, space), CultureInfo.InvariantCulture);
        var message = JsonSerializer.Deserialize<ChatMessage>(stored.AsSpan(space + 1), Json) ?? throw new InvalidDataException("empty message record");
        return message with { Sequence = sequence };
    }
}
