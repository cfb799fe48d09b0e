using Npgsql;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Persistence;

/// <summary>Permanent room bans in PostgreSQL. Same contract as <see cref="SqliteBanRepository"/>.</summary>
public sealed class PostgresBanRepository(PostgresDatabase db) : IBanRepository
{
    public async Task AddAsync(RoomBan ban, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO room_bans(id, room_id, user_id, banned_by, created_at) VALUES (@id, @room, @user, @by, @at) ON CONFLICT (room_id, user_id) DO NOTHING", connection);
        cmd.Parameters.AddWithValue("id", ban.BanId);
        cmd.Parameters.AddWithValue("room", ban.RoomId);
        cmd.Parameters.AddWithValue("user", ban.UserId);
        cmd.Parameters.AddWithValue("by", ban.BannedBy);
        cmd.Parameters.AddWithValue("at", ban.CreatedAt.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> IsBannedAsync(string roomId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM room_bans WHERE room_id = @room AND user_id = @user", connection);
        cmd.Parameters.AddWithValue("room", roomId);
        cmd.Parameters.AddWithValue("user", userId);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    public async Task<IReadOnlyList<RoomBan>> ListAsync(string roomId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT id, room_id, user_id, banned_by, created_at FROM room_bans WHERE room_id = @room ORDER BY created_at, id", connection);
        cmd.Parameters.AddWithValue("room", roomId);
        var result = new List<RoomBan>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new RoomBan(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return result;
    }

    public async Task<bool> RemoveAsync(string roomId, string banId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("DELETE FROM room_bans WHERE room_id = @room AND id = @id", connection);
        cmd.Parameters.AddWithValue("room", roomId);
        cmd.Parameters.AddWithValue("id", banId);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }
}
