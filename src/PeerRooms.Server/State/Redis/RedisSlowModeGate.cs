using PeerRooms.Core.Moderation;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Slow mode across nodes: one hash per room (user id → last accepted send, unix ms), checked and
/// recorded in one Lua script so two nodes cannot both let a participant through. Times come from
/// the application's TimeProvider (not Redis' clock), so tests can drive them.
/// </summary>
public sealed class RedisSlowModeGate(RedisConnection redis) : ISlowModeGate
{
    private const string Script = """
        local last = redis.call('HGET', KEYS[1], ARGV[1])
        local now = tonumber(ARGV[2])
        local window = tonumber(ARGV[3])
        if last and now - tonumber(last) < window then
          return window - (now - tonumber(last))
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], window + 3600000)
        return -1
        """;

    public async Task<TimeSpan?> TryPassAsync(string roomId, string userId, DateTimeOffset now, TimeSpan window, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var result = (long)await db.ScriptEvaluateAsync(Script, [redis.Keys.SlowMode(roomId)],
            [userId, now.ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds]);
        return result < 0 ? null : TimeSpan.FromMilliseconds(result);
    }

    public async Task ClearAsync(string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        await db.KeyDeleteAsync(redis.Keys.SlowMode(roomId));
    }
}
