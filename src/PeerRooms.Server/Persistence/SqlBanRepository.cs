using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Permanent room bans (table <c>room_bans</c>) in the configured durable database: one row per
/// room and user; banning an already banned user keeps the first ban.
/// </summary>
public sealed class SqlBanRepository(IDurableDatabase db) : IBanRepository
{
    public async Task AddAsync(RoomBan ban, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "INSERT INTO room_bans(id, room_id, user_id, banned_by, created_at) VALUES (@id, @room, @user, @by, @at) ON CONFLICT (room_id, user_id) DO NOTHING")
            .With("id", ban.BanId)
            .With("room", ban.RoomId)
            .With("user", ban.UserId)
            .With("by", ban.BannedBy)
            .With("at", db.Dialect.Timestamp(ban.CreatedAt));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> IsBannedAsync(string roomId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("SELECT 1 FROM room_bans WHERE room_id = @room AND user_id = @user")
            .With("room", roomId)
            .With("user", userId);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    public async Task<IReadOnlyList<RoomBan>> ListAsync(string roomId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("SELECT id, room_id, user_id, banned_by, created_at FROM room_bans WHERE room_id = @room ORDER BY created_at, id")
            .With("room", roomId);
        var result = new List<RoomBan>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new RoomBan(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return result;
    }

    public async Task<bool> RemoveAsync(string roomId, string banId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("DELETE FROM room_bans WHERE room_id = @room AND id = @id")
            .With("room", roomId)
            .With("id", banId);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }
}
