using System.Text.Json;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Rosters in Redis, shared by every node. Each read-modify-write is one Lua script
/// (<see cref="RedisPresenceScripts"/>), so capacity and name uniqueness hold across nodes.
/// Display names are compared upper-cased with the invariant culture (computed here, because Lua's
/// string functions only know ASCII), matching <see cref="InMemoryPresenceStore"/>'s OrdinalIgnoreCase.
/// Every connection is stored with its node id so a dead node's connections can be swept.
/// </summary>
public sealed class RedisPresenceStore(RedisConnection redis) : IPresenceStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int MaxUpdateAttempts = 20;

    private RedisKeys Keys => redis.Keys;

    private RedisKey[] RoomKeys(string roomId) =>
    [
        Keys.Roster(roomId), Keys.RosterNames(roomId), Keys.RosterNameOf(roomId), Keys.Connections(roomId), Keys.ConnectionCounts(roomId),
    ];

    public async Task<JoinResult> JoinAsync(string roomId, Participant candidate, ConnectionRef connection, int capacity, CancellationToken ct = default)
    {
        RequireNoNewline(candidate.UserId);
        var db = await redis.DatabaseAsync();
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(RedisPresenceScripts.Join, RoomKeys(roomId),
        [
            candidate.UserId, Serialize(candidate), NameKey(candidate.DisplayName), connection.ConnectionId,
            ConnectionValue(candidate.UserId, connection.NodeId), capacity,
        ]))!;
        return (int)result[0] switch
        {
            1 => new JoinResult(candidate, true),
            0 => new JoinResult(Deserialize((string)result[1]!), false),
            -1 => throw new PeerRoomsException(ErrorCodes.RoomFull, "the room is full"),
            _ => throw new PeerRoomsException(ErrorCodes.DisplayNameTaken, "someone in this session already uses that name"),
        };
    }

    public async Task<LeaveResult> LeaveAsync(string roomId, string userId, string connectionId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var left = await db.ScriptEvaluateAsync(RedisPresenceScripts.Leave, RoomKeys(roomId), [userId, connectionId]);
        return new LeaveResult(left.IsNull ? null : Deserialize((string)left!));
    }

    public async Task<Participant?> RemoveAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var removed = await db.ScriptEvaluateAsync(RedisPresenceScripts.Remove, RoomKeys(roomId), [userId]);
        return removed.IsNull ? null : Deserialize((string)removed!);
    }

    public async Task<Participant?> GetAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var json = await db.HashGetAsync(Keys.Roster(roomId), userId);
        return json.IsNull ? null : Deserialize(json!);
    }

    public async Task<IReadOnlyList<Participant>> GetRosterAsync(string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var values = await db.HashValuesAsync(Keys.Roster(roomId));
        return values.Select(v => Deserialize(v!))
            .OrderBy(p => p.JoinedAt).ThenBy(p => p.ParticipantId, StringComparer.Ordinal).ToArray();
    }

    public async Task<IReadOnlyList<ConnectionRef>> GetConnectionsAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var prefix = userId + "\n";
        var entries = await db.HashGetAllAsync(Keys.Connections(roomId));
        return entries
            .Where(e => ((string)e.Value!).StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => new ConnectionRef(e.Name!, ((string)e.Value!)[prefix.Length..]))
            .OrderBy(c => c.ConnectionId, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Optimistic: reads the record, applies <paramref name="change"/> here, and writes it only if
    /// the record is still what was read (compare-and-set in Lua), retrying otherwise. So
    /// <paramref name="change"/> must be a pure function of its argument; it may run more than once.
    /// </summary>
    public async Task<Participant?> UpdateAsync(string roomId, string userId, Func<Participant, Participant> change, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            var current = await db.HashGetAsync(Keys.Roster(roomId), userId);
            if (current.IsNull) return null;
            var next = change(Deserialize(current!));
            var outcome = (int)await db.ScriptEvaluateAsync(RedisPresenceScripts.Update, RoomKeys(roomId),
                [userId, current, Serialize(next), NameKey(next.DisplayName)]);
            if (outcome == 1) return next;
            if (outcome == 0) return null;
        }
        throw new PeerRoomsException(ErrorCodes.Conflict, "the participant changed concurrently; try again");
    }

    public async Task<IReadOnlyList<Participant>> RemoveNodeConnectionsAsync(string roomId, string nodeId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        var left = (RedisResult[])(await db.ScriptEvaluateAsync(RedisPresenceScripts.RemoveNode, RoomKeys(roomId), [nodeId]))!;
        return left.Select(r => Deserialize((string)r!)).ToArray();
    }

    public async Task ClearRoomAsync(string roomId, CancellationToken ct = default)
    {
        var db = await redis.DatabaseAsync();
        await db.KeyDeleteAsync(RoomKeys(roomId));
    }

    /// <summary>The uniqueness key of a display name: case-insensitive like OrdinalIgnoreCase.</summary>
    internal static string NameKey(string displayName) => displayName.ToUpperInvariant();

    private static string ConnectionValue(string userId, string nodeId) => userId + "\n" + nodeId;

    private static void RequireNoNewline(string userId)
    {
        // The connection index separates user and node ids with a newline.
        if (userId.Contains('\n')) throw PeerRoomsException.Invalid("user id must not contain a line break");
    }

    private static string Serialize(Participant p) => JsonSerializer.Serialize(p, Json);

    internal static Participant Deserialize(string json) =>
        JsonSerializer.Deserialize<Participant>(json, Json) ?? throw new InvalidDataException("empty participant record");
}
