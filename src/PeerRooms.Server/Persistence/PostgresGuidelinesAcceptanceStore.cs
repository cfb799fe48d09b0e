using Npgsql;
using PeerRooms.Core.Disclosure;

namespace PeerRooms.Server.Persistence;

/// <summary>Guideline acceptances in PostgreSQL; same contract as <see cref="SqliteGuidelinesAcceptanceStore"/>.</summary>
public sealed class PostgresGuidelinesAcceptanceStore(PostgresDatabase db) : IGuidelinesAcceptanceStore
{
    public async Task RecordAsync(GuidelinesAcceptance acceptance, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO guidelines_acceptances(room_id, user_id, version, accepted_at) VALUES (@room, @user, @version, @at) ON CONFLICT DO NOTHING", connection);
        cmd.Parameters.AddWithValue("room", acceptance.RoomId);
        cmd.Parameters.AddWithValue("user", acceptance.UserId);
        cmd.Parameters.AddWithValue("version", acceptance.Version);
        cmd.Parameters.AddWithValue("at", acceptance.AcceptedAt.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<GuidelinesAcceptance?> GetAsync(string roomId, string userId, int version, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT accepted_at FROM guidelines_acceptances WHERE room_id = @room AND user_id = @user AND version = @version", connection);
        cmd.Parameters.AddWithValue("room", roomId);
        cmd.Parameters.AddWithValue("user", userId);
        cmd.Parameters.AddWithValue("version", version);
        return await cmd.ExecuteScalarAsync(ct) is DateTime at
            ? new GuidelinesAcceptance(roomId, userId, version, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))
            : null;
    }
}
