namespace PeerRooms.Server.State.Redis;

/// <summary>
/// The Lua scripts behind <see cref="RedisHistoryStore"/>. Keys, all room-scoped (one hash slot):
/// <list type="number">
/// <item>seq: the room's sequence counter (INCR)</item>
/// <item>history: sorted set, member messageId, score sequence (the ring)</item>
/// <item>msgs: messageId → "sequence json" of the messages in the ring</item>
/// <item>dedupe: "sender/clientMessageId" → "sequence messageId" of the original (its receipt, never its
/// text), for the whole session</item>
/// </list>
/// A stored message is the decimal sequence, one space, then the message JSON.
/// </summary>
internal static class RedisHistoryScripts
{
    /// <summary>
    /// ARGV: dedupe field, messageId, JSON, ring limit, idle TTL seconds. Returns {0, the new sequence}
    /// (the caller already holds the message it sent) or, for a retry, {1, the original's receipt}.
    /// </summary>
    public const string Append = """
        local original = redis.call('HGET', KEYS[4], ARGV[1])
        if original then return {1, original} end
        local seq = redis.call('INCR', KEYS[1])
        local prefix = string.format('%d', seq) .. ' '
        redis.call('HSET', KEYS[4], ARGV[1], prefix .. ARGV[2])
        redis.call('ZADD', KEYS[2], seq, ARGV[2])
        redis.call('HSET', KEYS[3], ARGV[2], prefix .. ARGV[3])
        local n = redis.call('ZCARD', KEYS[2])
        local limit = tonumber(ARGV[4])
        if n > limit then
          -- the oldest leave the ring: ZPOPMIN returns member, score, member, score, ...
          local old = redis.call('ZPOPMIN', KEYS[2], n - limit)
          local ids = {}
          for i = 1, #old, 2 do ids[#ids + 1] = old[i] end
          redis.call('HDEL', KEYS[3], unpack(ids))
        end
        for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[5]) end
        return {0, seq}
        """;

    /// <summary>ARGV: after sequence, max. Returns the stored values of the newest <c>max</c> messages after it, newest first.</summary>
    public const string Get = """
        local ids = redis.call('ZREVRANGEBYSCORE', KEYS[2], '+inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        if #ids == 0 then return {} end
        local values = redis.call('HMGET', KEYS[3], unpack(ids))
        local out = {}
        for i = 1, #values do if values[i] then out[#out + 1] = values[i] end end
        return out
        """;

    /// <summary>ARGV: messageId. Returns 1 when it was in the ring.</summary>
    public const string Remove = """
        if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
        redis.call('HDEL', KEYS[3], ARGV[1])
        return 1
        """;
}
