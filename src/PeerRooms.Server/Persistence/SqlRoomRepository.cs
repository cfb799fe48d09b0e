using System.Data.Common;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Rooms (table <c>rooms</c>, the whole room as JSON in <c>body</c>) and the facilitator index
/// (<c>room_facilitators</c>) in the configured durable database. A room and its facilitator rows
/// change in one transaction (IMMEDIATE on SQLite), so listing by facilitator never sees a half
/// update. Wrapped by <see cref="CachedRoomRepository"/> for hot-path reads.
/// </summary>
public sealed class SqlRoomRepository(IDurableDatabase db) : IRoomRepository
{
    public async Task CreateAsync(Room room, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var cmd = connection.Command(
            $"INSERT INTO rooms(id, name, archived, body, updated_at) VALUES (@id, @name, @archived, {db.Dialect.Json("@body")}, @updated)", tx))
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
        await using var cmd = connection.Command("SELECT body FROM rooms WHERE id = @id").With("id", roomId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? RoomJson.Deserialize(reader.GetString(0)) : null;
    }

    /// <summary>Ordered by name ignoring ASCII case (SQLite's NOCASE and its <c>lower()</c> fold ASCII only), then id.</summary>
    public async Task<IReadOnlyList<Room>> ListAsync(bool includeArchived, string? facilitatorUserId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "SELECT r.body FROM rooms r WHERE (@all OR NOT r.archived) "
                + "AND (@fac IS NULL OR EXISTS (SELECT 1 FROM room_facilitators f WHERE f.room_id = r.id AND f.user_id = @fac)) "
                + "ORDER BY lower(r.name), r.id")
            .With("all", includeArchived)
            .WithNullable("fac", facilitatorUserId);
        var result = new List<Room>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(RoomJson.Deserialize(reader.GetString(0)));
        return result;
    }

    public async Task<bool> UpdateAsync(Room room, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var cmd = connection.Command(
            $"UPDATE rooms SET name = @name, archived = @archived, body = {db.Dialect.Json("@body")}, updated_at = @updated WHERE id = @id", tx))
        {
            Bind(cmd, room);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) return false;
        }
        await using (var del = connection.Command("DELETE FROM room_facilitators WHERE room_id = @id", tx).With("id", room.Id))
            await del.ExecuteNonQueryAsync(ct);
        await WriteFacilitatorsAsync(connection, tx, room, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary><c>archived</c> is a BOOLEAN on PostgreSQL and 0/1 on SQLite: both providers bind a bool as such.</summary>
    private void Bind(DbCommand cmd, Room room) => cmd
        .With("id", room.Id)
        .With("name", room.Name)
        .With("archived", room.Archived)
        .With("body", RoomJson.Serialize(room))
        .With("updated", db.Dialect.Timestamp(room.UpdatedAt));

    private static async Task WriteFacilitatorsAsync(DbConnection connection, DbTransaction tx, Room room, CancellationToken ct)
    {
        foreach (var userId in room.Facilitators)
        {
            await using var cmd = connection.Command("INSERT INTO room_facilitators(room_id, user_id) VALUES (@id, @user) ON CONFLICT DO NOTHING", tx)
                .With("id", room.Id)
                .With("user", userId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
