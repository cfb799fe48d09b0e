namespace PeerRooms.Core.Moderation;

/// <summary>A permanent ban of one user from one room. Durable: holds across sessions, nodes and restarts.</summary>
public sealed record RoomBan(string BanId, string RoomId, string UserId, string BannedBy, DateTimeOffset CreatedAt);

/// <summary>Durable room bans (SQLite by default). A write is durable when the task completes.</summary>
public interface IBanRepository
{
    /// <summary>Adds the ban; a second ban of the same user in the same room keeps the first.</summary>
    Task AddAsync(RoomBan ban, CancellationToken ct = default);
    Task<bool> IsBannedAsync(string roomId, string userId, CancellationToken ct = default);
    Task<IReadOnlyList<RoomBan>> ListAsync(string roomId, CancellationToken ct = default);
    /// <summary>Lifts a ban; false when there was none with that id in that room.</summary>
    Task<bool> RemoveAsync(string roomId, string banId, CancellationToken ct = default);
}
