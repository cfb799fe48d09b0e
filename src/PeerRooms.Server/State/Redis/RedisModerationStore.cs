using System.Text.Json;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Moderation;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Moderation state shared by every node: one JSON document per room
/// (<see cref="RedisKeys.Moderation"/>). Updates are optimistic compare-and-set transactions (the
/// write only happens if the document is still the one read), retried on contention, so concurrent
/// facilitator actions on different nodes never lose each other's changes. The key expires a week
/// after its last change, so an abandoned room's state does not linger.
/// </summary>
public sealed class RedisModerationStore(RedisConnection redis) : IModerationStore
{
    private const int MaxAttempts = 50;
    private static readonly TimeSpan Expiry = TimeSpan.FromDays(7);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RoomModeration> GetAsync(string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        return Read(await db.StringGetAsync(redis.Keys.Moderation(roomId)));
    }

    public async Task<RoomModeration> UpdateAsync(string roomId, Func<RoomModeration, RoomModeration> change, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var key = redis.Keys.Moderation(roomId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            var raw = await db.StringGetAsync(key);
            var current = Read(raw);
            var next = change(current);
            if (ReferenceEquals(next, current)) return current;
            var tx = db.CreateTransaction();
            tx.AddCondition(raw.IsNull ? Condition.KeyNotExists(key) : Condition.StringEqual(key, raw));
            _ = tx.StringSetAsync(key, JsonSerializer.Serialize(next, Json), Expiry);
            if (await tx.ExecuteAsync()) return next;
        }
        throw new PeerRoomsException(ErrorCodes.Conflict, "the room's state changed concurrently; try again");
    }

    public async Task ClearAsync(string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        await db.KeyDeleteAsync(redis.Keys.Moderation(roomId));
    }

    internal static RoomModeration Read(RedisValue raw)
        => raw.IsNull ? RoomModeration.Empty : JsonSerializer.Deserialize<RoomModeration>(raw.ToString(), Json) ?? RoomModeration.Empty;
}
