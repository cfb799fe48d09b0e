using System.Text.Json;
using System.Text.Json.Serialization;
using PeerRooms.Core.Video;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Video sessions shared by every node: one hash per room (<see cref="RedisKeys.VideoMembers"/>,
/// user id → member JSON). Joins, publishing and spotlight changes are single Lua scripts
/// (<see cref="RedisVideoScripts"/>), so the mesh cap holds however many nodes grant video at once.
/// The hash expires a day after its last change, so a session abandoned by a crashed cluster does
/// not linger (a live session is rewritten whenever anyone joins or changes what they publish;
/// departures are also cleaned up by the dead-node sweep).
/// </summary>
public sealed class RedisVideoSessionStore(RedisConnection redis) : IVideoSessionStore
{
    private static readonly long TtlMs = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    public async Task<VideoStoreJoin> JoinAsync(string roomId, VideoMember candidate, int maxVideoPublishers, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(RedisVideoScripts.Join, [redis.Keys.VideoMembers(roomId)],
            [candidate.UserId, Write(candidate), maxVideoPublishers, TtlMs]))!;
        var isNew = (long)result[0] == 1;
        return new VideoStoreJoin(Read((string)result[1]!), result.Skip(2).Select(r => Read((string)r!)).ToArray(), isNew);
    }

    public async Task<VideoMember?> LeaveAsync(string roomId, string userId, string? onlyParticipantId = null, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var result = await db.ScriptEvaluateAsync(RedisVideoScripts.Leave, [redis.Keys.VideoMembers(roomId)], [userId, onlyParticipantId ?? ""]);
        return result.IsNull ? null : Read((string)result!);
    }

    public async Task<VideoMember?> GetAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var raw = await db.HashGetAsync(redis.Keys.VideoMembers(roomId), userId);
        return raw.IsNull ? null : Read(raw!);
    }

    public async Task<IReadOnlyList<VideoMember>> MembersAsync(string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        return (await db.HashValuesAsync(redis.Keys.VideoMembers(roomId))).Select(v => Read(v!)).ToArray();
    }

    public async Task<VideoStoreChange?> SetPublishingAsync(string roomId, string userId, bool? audio, bool? video, int maxVideoPublishers, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        return ReadChange(await db.ScriptEvaluateAsync(RedisVideoScripts.Publish, [redis.Keys.VideoMembers(roomId)],
            [userId, Flag(audio), Flag(video), maxVideoPublishers, TtlMs]));
    }

    public async Task<VideoStoreChange?> SetSpotlightAsync(string roomId, string userId, bool on, bool mayPublishVideo, int maxVideoPublishers, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        return ReadChange(await db.ScriptEvaluateAsync(RedisVideoScripts.Spotlight, [redis.Keys.VideoMembers(roomId)],
            [userId, Flag(on), Flag(mayPublishVideo), maxVideoPublishers, TtlMs]));
    }

    private static string Flag(bool? value) => value switch { true => "1", false => "0", null => "" };

    private static VideoStoreChange? ReadChange(RedisResult result)
    {
        if (result.IsNull) return null;
        var parts = (RedisResult[])result!;
        return new VideoStoreChange(Read((string)parts[0]!), parts.Skip(1).Select(p => Read((string)p!)).ToArray());
    }

    private static string Write(VideoMember m) => JsonSerializer.Serialize(new Stored(m.UserId, m.ParticipantId, m.Audio, m.Video, m.WantsVideo, m.Spotlight, m.VideoOrder));

    private static VideoMember Read(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json) ?? throw new InvalidOperationException("unreadable video member");
        return new VideoMember(s.U, s.P, s.A, s.V) { WantsVideo = s.W, Spotlight = s.S, VideoOrder = s.N };
    }

    /// <summary>The stored shape; short names because Lua reads and writes them.</summary>
    private sealed record Stored(
        [property: JsonPropertyName("u")] string U,
        [property: JsonPropertyName("p")] string P,
        [property: JsonPropertyName("a")] bool A,
        [property: JsonPropertyName("v")] bool V,
        [property: JsonPropertyName("w")] bool W,
        [property: JsonPropertyName("s")] bool S,
        [property: JsonPropertyName("n")] long N);
}
