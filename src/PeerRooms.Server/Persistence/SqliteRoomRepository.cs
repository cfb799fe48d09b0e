using Microsoft.Data.Sqlite;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Server.Persistence;

/// <summary>Rooms in SQLite (the embedded default).</summary>
public sealed class SqliteRoomRepository(SqliteDatabase db) : IRoomRepository
{
    public async Task CreateAsync(Room room, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO rooms(id, name, archived, body, updated_at) VALUES ($id, $name, $archived, $body, $updated)";
            Bind(cmd, room);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await WriteFacilitatorsAsync(tx, room, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<Room?> GetAsync(string roomId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT body FROM rooms WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", roomId);
        return await cmd.ExecuteScalarAsync(ct) is string json ? RoomJson.Deserialize(json) : null;
    }

    public async Task<IReadOnlyList<Room>> ListAsync(bool includeArchived, string? facilitatorUserId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT r.body FROM rooms r WHERE ($all = 1 OR r.archived = 0) "
            + "AND ($fac IS NULL OR EXISTS (SELECT 1 FROM room_facilitators f WHERE f.room_id = r.id AND f.user_id = $fac)) "
            + "ORDER BY r.name COLLATE NOCASE, r.id";
        cmd.Parameters.AddWithValue("$all", includeArchived ? 1 : 0);
        cmd.Parameters.AddWithValue("$fac", (object?)facilitatorUserId ?? DBNull.Value);
        var result = new List<Room>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(RoomJson.Deserialize(reader.GetString(0)));
        return result;
    }

    public async Task<bool> UpdateAsync(Room room, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        int changed;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE rooms SET name = $name, archived = $archived, body = $body, updated_at = $updated WHERE id = $id";
            Bind(cmd, room);
            changed = await cmd.ExecuteNonQueryAsync(ct);
        }
        if (changed == 0) return false;
        await using (var del = connection.CreateCommand())
        {
            del.Transaction = tx;
            del.CommandText = "DELETE FROM room_facilitators WHERE room_id = $id";
            del.Parameters.AddWithValue("$id", room.Id);
            await del.ExecuteNonQueryAsync(ct);
        }
        await WriteFacilitatorsAsync(tx, room, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static void Bind(SqliteCommand cmd, Room room)
    {
        cmd.Parameters.AddWithValue("$id", room.Id);
        cmd.Parameters.AddWithValue("$name", room.Name);
        cmd.Parameters.AddWithValue("$archived", room.Archived ? 1 : 0);
        cmd.Parameters.AddWithValue("$body", RoomJson.Serialize(room));
        cmd.Parameters.AddWithValue("$updated", room.UpdatedAt.ToString("O"));
    }

    private static async Task WriteFacilitatorsAsync(SqliteTransaction tx, Room room, CancellationToken ct)
    {
        foreach (var userId in room.Facilitators)
        {
            await using var cmd = tx.Connection!.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR IGNORE INTO room_facilitators(room_id, user_id) VALUES ($id, $user)";
            cmd.Parameters.AddWithValue("$id", room.Id);
            cmd.Parameters.AddWithValue("$user", userId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
