using PeerRooms.Core.Security;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Blocks shared by every node: one string key per user holding the end of the block, with a Redis
/// expiry at that moment, so the list cleans itself and survives node restarts.
/// </summary>
public sealed class RedisUserBlockList(RedisConnection redis, TimeProvider time) : IUserBlockList
{
    public async Task BlockAsync(string userId, DateTimeOffset until, CancellationToken ct = default)
    {
        var ttl = until - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero) { await UnblockAsync(userId, ct); return; }
        var db = await redis.DatabaseAsync();
        await db.StringSetAsync(redis.Keys.BlockedUser(userId), until.ToUnixTimeMilliseconds(), ttl);
    }

    public async Task UnblockAsync(string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        await db.KeyDeleteAsync(redis.Keys.BlockedUser(userId));
    }

    public async Task<DateTimeOffset?> GetBlockedUntilAsync(string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var value = await db.StringGetAsync(redis.Keys.BlockedUser(userId));
        if (value.IsNullOrEmpty || !long.TryParse(value.ToString(), out var ms)) return null;
        var until = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        // Redis expiry and this node's clock may differ slightly; the stored time decides.
        return until > time.GetUtcNow() ? until : null;
    }
}
