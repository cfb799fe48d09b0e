using Npgsql;
using NpgsqlTypes;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Persistence;

/// <summary>The moderation audit log in PostgreSQL. Same contract as <see cref="SqliteAuditLog"/>.</summary>
public sealed class PostgresAuditLog(PostgresDatabase db) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO moderation_audit(id, room_id, actor_user_id, action, target_user_id, target_message_id, detail, at) "
            + "VALUES (@id, @room, @actor, @action, @target, @message, @detail, @at)", connection);
        cmd.Parameters.AddWithValue("id", entry.Id);
        cmd.Parameters.AddWithValue("room", entry.RoomId);
        cmd.Parameters.AddWithValue("actor", entry.ActorUserId);
        cmd.Parameters.AddWithValue("action", entry.Action);
        cmd.Parameters.Add(new NpgsqlParameter("target", NpgsqlDbType.Text) { Value = (object?)entry.TargetUserId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Text) { Value = (object?)entry.TargetMessageId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("detail", NpgsqlDbType.Text) { Value = (object?)entry.Detail ?? DBNull.Value });
        cmd.Parameters.AddWithValue("at", entry.At.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? roomId, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT id, room_id, actor_user_id, action, target_user_id, target_message_id, detail, at FROM moderation_audit "
            + "WHERE (@room::text IS NULL OR room_id = @room) ORDER BY seq DESC LIMIT @limit", connection);
        cmd.Parameters.Add(new NpgsqlParameter("room", NpgsqlDbType.Text) { Value = (object?)roomId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("limit", limit);
        var result = new List<AuditEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new AuditEntry
            {
                Id = reader.GetString(0),
                RoomId = reader.GetString(1),
                ActorUserId = reader.GetString(2),
                Action = reader.GetString(3),
                TargetUserId = reader.IsDBNull(4) ? null : reader.GetString(4),
                TargetMessageId = reader.IsDBNull(5) ? null : reader.GetString(5),
                Detail = reader.IsDBNull(6) ? null : reader.GetString(6),
                At = reader.GetFieldValue<DateTimeOffset>(7),
            });
        }
        return result;
    }
}
