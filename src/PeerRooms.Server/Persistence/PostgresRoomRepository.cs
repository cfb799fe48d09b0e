using Npgsql;
using NpgsqlTypes;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Server.Persistence;

/// <summary>Rooms in PostgreSQL (used when scaled out). Same contract as <see cref="SqliteRoomRepository"/>.</summary>
public sealed class PostgresRoomRepository(PostgresDatabase db) : IRoomRepository
{
    public async Task CreateAsync(Room room, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(
            "INSERT INTO rooms(id, name, archived, body, updated_at) VALUES (@id, @name, @archived, @body, @updated)", connection, tx))
        {
            Bind(cmd, room);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await WriteFacilitatorsAsync(connection, tx, room, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<Room?> GetAsync(string roomId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT body::text FROM rooms WHERE id = @id", connection);
        cmd.Parameters.AddWithValue("id", roomId);
        return await cmd.ExecuteScalarAsync(ct) is string json ? RoomJson.Deserialize(json) : null;
    }

    public async Task<IReadOnlyList<Room>> ListAsync(bool includeArchived, string? facilitatorUserId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT r.body::text FROM rooms r WHERE (@all OR NOT r.archived) "
            + "AND (@fac::text IS NULL OR EXISTS (SELECT 1 FROM room_facilitators f WHERE f.room_id = r.id AND f.user_id = @fac)) "
            + "ORDER BY lower(r.name), r.id", connection);
        cmd.Parameters.AddWithValue("all", includeArchived);
        cmd.Parameters.Add(new NpgsqlParameter("fac", NpgsqlDbType.Text) { Value = (object?)facilitatorUserId ?? DBNull.Value });
        var result = new List<Room>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(RoomJson.Deserialize(reader.GetString(0)));
        return result;
    }

    public async Task<bool> UpdateAsync(Room room, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(
            "UPDATE rooms SET name = @name, archived = @archived, body = @body, updated_at = @updated WHERE id = @id", connection, tx))
        {
            Bind(cmd, room);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) return false;
        }
        await using (var del = new NpgsqlCommand("DELETE FROM room_facilitators WHERE room_id = @id", connection, tx))
        {
            del.Parameters.AddWithValue("id", room.Id);
            await del.ExecuteNonQueryAsync(ct);
        }
        await WriteFacilitatorsAsync(connection, tx, room, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static void Bind(NpgsqlCommand cmd, Room room)
    {
        cmd.Parameters.AddWithValue("id", room.Id);
        cmd.Parameters.AddWithValue("name", room.Name);
        cmd.Parameters.AddWithValue("archived", room.Archived);
        cmd.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = RoomJson.Serialize(room) });
        cmd.Parameters.AddWithValue("updated", room.UpdatedAt.ToUniversalTime());
    }

    private static async Task WriteFacilitatorsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Room room, CancellationToken ct)
    {
        if (room.Facilitators.Count == 0) return;
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO room_facilitators(room_id, user_id) SELECT @id, unnest(@users) ON CONFLICT DO NOTHING", connection, tx);
        cmd.Parameters.AddWithValue("id", room.Id);
        cmd.Parameters.AddWithValue("users", room.Facilitators.ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
