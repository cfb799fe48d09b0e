using PeerRooms.Core.Chat;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// A send's state over Redis in one round trip: one read-only Lua script over the room's keys (one hash
/// slot, <c>{roomId}</c>) returns the sender's roster entry, their dedupe receipt for the client message
/// id and the moderation document, read at the same instant. Nothing is cached between sends; the values
/// are parsed exactly as <see cref="RedisPresenceStore"/>, <see cref="RedisHistoryStore"/> and
/// <see cref="RedisModerationStore"/> parse them, so the answers are theirs.
/// </summary>
public sealed class RedisSendStateReader(RedisConnection redis) : ISendStateReader
{
    /// <summary>KEYS: roster, dedupe, moderation. ARGV: user id, dedupe field. Returns the three values (nil when absent).</summary>
    private const string Script = """
        return {redis.call('HGET', KEYS[1], ARGV[1]), redis.call('HGET', KEYS[2], ARGV[2]), redis.call('GET', KEYS[3])}
        """;

    public async Task<SendState> ReadAsync(string roomId, string userId, string clientMessageId, CancellationToken ct = default)
    {
        var keys = redis.Keys;
        var db = await redis.DatabaseAsync();
        var values = (RedisResult[])(await db.ScriptEvaluateAsync(Script,
            [keys.Roster(roomId), keys.HistoryDedupe(roomId), keys.Moderation(roomId)],
            [userId, RedisHistoryStore.DedupeField(userId, clientMessageId)]))!;
        return new SendState(
            values[0].IsNull ? null : RedisPresenceStore.Deserialize((string)values[0]!),
            values[1].IsNull ? null : RedisHistoryStore.ParseReceipt((string)values[1]!),
            RedisModerationStore.Read((RedisValue)values[2]));
    }
}
