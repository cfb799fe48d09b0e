using System.Text.Json;
using PeerRooms.Core.Disclosure;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Content preferences in Redis: one JSON value per user, replaced whole by a single SET (atomic),
/// expiring <see cref="Retention"/> after the last change so an abandoned account's choices do not
/// stay forever. An empty set deletes the key.
/// </summary>
public sealed class RedisContentPreferenceStore(RedisConnection redis) : IContentPreferenceStore
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(180);

    public async Task<IReadOnlyList<string>> GetCollapsedTopicsAsync(string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var value = await db.StringGetAsync(redis.Keys.ContentPreferences(userId));
        return value.IsNullOrEmpty ? [] : JsonSerializer.Deserialize<string[]>(value.ToString()) ?? [];
    }

    public async Task SetCollapsedTopicsAsync(string userId, IReadOnlyList<string> topics, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var key = redis.Keys.ContentPreferences(userId);
        if (topics.Count == 0) await db.KeyDeleteAsync(key);
        else await db.StringSetAsync(key, JsonSerializer.Serialize(topics), Retention);
    }
}
