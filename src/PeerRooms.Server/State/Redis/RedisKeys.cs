using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// Every Redis key and channel PeerRooms uses, named here and nowhere else. All start with the
/// deployment's prefix (<c>PeerRooms:RedisPrefix</c>) so several deployments, or several test runs,
/// can share one Redis. Room-scoped keys use a hash tag <c>{roomId}</c> so a room's keys live in one
/// cluster slot and Lua scripts may touch them together.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>Channel prefix handed to the SignalR backplane.</summary>
    public string BackplaneChannelPrefix => $"{Prefix}:signalr";

    // Presence
    public RedisKey Roster(string roomId) => $"{Prefix}:room:{{{roomId}}}:roster";
    public RedisKey Connections(string roomId) => $"{Prefix}:room:{{{roomId}}}:conns";
    /// <summary>Upper-cased display name → userId: the per-session name uniqueness index.</summary>
    public RedisKey RosterNames(string roomId) => $"{Prefix}:room:{{{roomId}}}:names";
    /// <summary>userId → upper-cased display name, to clean <see cref="RosterNames"/> up on leave.</summary>
    public RedisKey RosterNameOf(string roomId) => $"{Prefix}:room:{{{roomId}}}:nameof";
    /// <summary>userId → number of live connections (presence is per user).</summary>
    public RedisKey ConnectionCounts(string roomId) => $"{Prefix}:room:{{{roomId}}}:conncount";
    // Node leases: one hash tag for all of them, so lease scripts may touch several in Redis Cluster.
    public RedisKey NodeLease(string nodeId) => $"{Prefix}:{{nodes}}:lease:{nodeId}";
    public RedisKey NodeRooms(string nodeId) => $"{Prefix}:{{nodes}}:rooms:{nodeId}";
    public RedisKey Nodes => $"{Prefix}:{{nodes}}";

    // History
    public RedisKey History(string roomId) => $"{Prefix}:room:{{{roomId}}}:history";
    public RedisKey HistorySequence(string roomId) => $"{Prefix}:room:{{{roomId}}}:seq";
    public RedisKey HistoryDedupe(string roomId) => $"{Prefix}:room:{{{roomId}}}:dedupe";
    /// <summary>messageId → "sequence json" of the messages currently in the ring.</summary>
    public RedisKey HistoryMessages(string roomId) => $"{Prefix}:room:{{{roomId}}}:msgs";

    // Moderation (facilitator tools)
    /// <summary>The room's moderation state document (session, lock, mutes, bans, hands, floor, pinned, media).</summary>
    public RedisKey Moderation(string roomId) => $"{Prefix}:room:{{{roomId}}}:moderation";
    /// <summary>Slow mode: user id → last accepted send (unix ms).</summary>
    public RedisKey SlowMode(string roomId) => $"{Prefix}:room:{{{roomId}}}:slowmode";

    // Video
    /// <summary>The room's video session: user id → member JSON (what they publish, spotlight, grant order).</summary>
    public RedisKey VideoMembers(string roomId) => $"{Prefix}:room:{{{roomId}}}:video";

    // Disclosure
    /// <summary>A user's content preferences (collapsed content-warning topics), JSON; expires when unused.</summary>
    public RedisKey ContentPreferences(string userId) => $"{Prefix}:user:{userId}:content-prefs";

    // Security
    /// <summary>String holding when an admin's block of the user ends (unix ms); expires with the block.</summary>
    public RedisKey BlockedUser(string userId) => $"{Prefix}:security:blocked:{userId}";
    /// <summary>Pub/sub: "disconnect every connection of this user id", heard by every node.</summary>
    public RedisChannel UserDisconnectChannel => Channel("security:disconnect");

    /// <summary>A room-scoped key for a feature's own state, e.g. <c>Room(roomId, "mutes")</c>.</summary>
    public RedisKey Room(string roomId, string name) => $"{Prefix}:room:{{{roomId}}}:{name}";

    /// <summary>A global key for a feature's own state, e.g. <c>Global("escalations:claims")</c>.</summary>
    public RedisKey Global(string name) => $"{Prefix}:{name}";

    /// <summary>A pub/sub channel of PeerRooms' own (outside the SignalR backplane).</summary>
    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Prefix}:ch:{name}");
}
