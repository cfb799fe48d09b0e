using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// The moderation audit log (table <c>moderation_audit</c>) in the configured durable database;
/// append-only, listed newest first by insertion order (<c>seq</c>), never message text.
/// </summary>
public sealed class SqlAuditLog(IDurableDatabase db) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "INSERT INTO moderation_audit(id, room_id, actor_user_id, action, target_user_id, target_message_id, detail, at) "
                + "VALUES (@id, @room, @actor, @action, @target, @message, @detail, @at)")
            .With("id", entry.Id)
            .With("room", entry.RoomId)
            .With("actor", entry.ActorUserId)
            .With("action", entry.Action)
            .WithNullable("target", entry.TargetUserId)
            .WithNullable("message", entry.TargetMessageId)
            .WithNullable("detail", entry.Detail)
            .With("at", db.Dialect.Timestamp(entry.At));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? roomId, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "SELECT id, room_id, actor_user_id, action, target_user_id, target_message_id, detail, at FROM moderation_audit "
                + "WHERE (@room IS NULL OR room_id = @room) ORDER BY seq DESC LIMIT @limit")
            .WithNullable("room", roomId)
            .With("limit", limit);
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
