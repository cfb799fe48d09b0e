using System.Text.Json;
using PeerRooms.Core.Live;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Node leases in Redis. The sorted set <see cref="RedisKeys.Nodes"/> maps node → lease end (unix
/// ms) and is what sweepers read; <see cref="RedisKeys.NodeLease"/> is a human-readable lease key
/// (rooms, expiry) that Redis expires with the lease; <see cref="RedisKeys.NodeRooms"/> lists every
/// room the node may hold connections in and outlives the lease until a sweeper forgets the node.
/// Lease ends come from the renewing node's clock, so node clocks must agree to well within the
/// lease's margin (TTL minus renew interval).
/// </summary>
public sealed class RedisNodeLeaseStore(RedisConnection redis) : INodeLeaseStore
{
    private const string ForgetScript = """
        local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if not score or tonumber(score) >= tonumber(ARGV[2]) then return 0 end
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('DEL', KEYS[2])
        return 1
        """;

    /// <summary>KEYS: nodes, lease, rooms. ARGV: nodeId, lease end ms, lease JSON, ttl ms, now ms, rooms... Returns 1 when the lease was still alive.</summary>
    private const string RenewScript = """
        local previous = redis.call('ZSCORE', KEYS[1], ARGV[1])
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
        for i = 6, #ARGV do redis.call('SADD', KEYS[3], ARGV[i]) end
        if previous and tonumber(previous) >= tonumber(ARGV[5]) then return 1 end
        return 0
        """;

    private RedisKeys Keys => redis.Keys;

    public async Task<bool> RenewAsync(string nodeId, IReadOnlyCollection<string> rooms, DateTimeOffset now, TimeSpan ttl, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var expires = now + ttl;
        var lease = JsonSerializer.Serialize(new { nodeId, expiresAt = expires, rooms });
        RedisValue[] args =
        [
            nodeId, expires.ToUnixTimeMilliseconds(), lease, (long)Math.Max(1, ttl.TotalMilliseconds), now.ToUnixTimeMilliseconds(),
            .. rooms.Select(r => (RedisValue)r),
        ];
        return (int)await db.ScriptEvaluateAsync(RenewScript, [Keys.Nodes, Keys.NodeLease(nodeId), Keys.NodeRooms(nodeId)], args) == 1;
    }

    public async Task AddRoomAsync(string nodeId, string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        await db.SetAddAsync(Keys.NodeRooms(nodeId), roomId);
    }

    public async Task RemoveRoomsAsync(string nodeId, IReadOnlyCollection<string> roomIds, CancellationToken ct = default)
    {
        if (roomIds.Count == 0) return;
        var db = await redis.DatabaseAsync();
        await db.SetRemoveAsync(Keys.NodeRooms(nodeId), roomIds.Select(r => (RedisValue)r).ToArray());
    }

    public async Task<IReadOnlyList<string>> RoomsAsync(string nodeId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var members = await db.SetMembersAsync(Keys.NodeRooms(nodeId));
        return members.Select(m => (string)m!).Order(StringComparer.Ordinal).ToArray();
    }

    public async Task<IReadOnlyList<string>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var nodes = await db.SortedSetRangeByScoreAsync(Keys.Nodes, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), Exclude.Stop);
        return nodes.Select(n => (string)n!).ToArray();
    }

    public async Task<bool> ForgetAsync(string nodeId, DateTimeOffset now, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        return (int)await db.ScriptEvaluateAsync(ForgetScript, [Keys.Nodes, Keys.NodeRooms(nodeId)], [nodeId, now.ToUnixTimeMilliseconds()]) == 1;
    }
}
