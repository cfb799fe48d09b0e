using System.Collections.Concurrent;
using PeerRooms.Core.Security;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Blocks shared by every node: one string key per user holding the end of the block, with a Redis
/// expiry at that moment, so the list cleans itself and survives node restarts.
/// <para>
/// Reads are on every authenticated HTTP request and hub connect, so answers are cached on the node
/// for <see cref="CacheFor"/> (a block set on another node takes effect here within that time; the
/// cross-node disconnect signal closes open connections at once). When Redis cannot be reached the
/// check fails open (logged): a Redis outage must not lock everyone out of their meetings, and a
/// blocked user's connections were already closed when the block was set.
/// </para>
/// </summary>
public sealed class RedisUserBlockList(RedisConnection redis, TimeProvider time, ILogger<RedisUserBlockList>? logger = null) : IUserBlockList
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private const int MaxCached = 50_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset? Until, DateTimeOffset CheckedAt)> _cache = new(StringComparer.Ordinal);

    public async Task BlockAsync(string userId, DateTimeOffset until, CancellationToken ct = default)
    {
        var ttl = until - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero) { await UnblockAsync(userId, ct); return; }
        var db = await redis.DatabaseAsync();
        await db.StringSetAsync(redis.Keys.BlockedUser(userId), until.ToUnixTimeMilliseconds(), ttl);
        _cache[userId] = (until, time.GetUtcNow());
    }

    public async Task UnblockAsync(string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        await db.KeyDeleteAsync(redis.Keys.BlockedUser(userId));
        _cache.TryRemove(userId, out _);
    }

    /// <summary>Drops the cached answer for a user (another node just blocked or disconnected them).</summary>
    public void Forget(string userId) => _cache.TryRemove(userId, out _);

    public async Task<DateTimeOffset?> GetBlockedUntilAsync(string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && now - cached.CheckedAt < CacheFor)
            return cached.Until > now ? cached.Until : null;
        DateTimeOffset? until;
        try
        {
            var db = await redis.DatabaseAsync();
            var value = await db.StringGetAsync(redis.Keys.BlockedUser(userId));
            until = !value.IsNullOrEmpty && long.TryParse(value.ToString(), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            if (logger is not null) SecurityLog.BlockListUnavailable(logger, ex.GetType().Name);
            return null;
        }
        if (_cache.Count > MaxCached) _cache.Clear();
        _cache[userId] = (until, now);
        // Redis expiry and this node's clock may differ slightly; the stored time decides.
        return until > now ? until : null;
    }
}
