using System.Globalization;
using PeerRooms.Core.Disclosure;

namespace PeerRooms.Server.Persistence;

/// <summary>Guideline acceptances in SQLite. The first acceptance of a version is kept (INSERT OR IGNORE).</summary>
public sealed class SqliteGuidelinesAcceptanceStore(SqliteDatabase db) : IGuidelinesAcceptanceStore
{
    public async Task RecordAsync(GuidelinesAcceptance acceptance, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT OR IGNORE INTO guidelines_acceptances(room_id, user_id, version, accepted_at) VALUES ($room, $user, $version, $at)";
        cmd.Parameters.AddWithValue("$room", acceptance.RoomId);
        cmd.Parameters.AddWithValue("$user", acceptance.UserId);
        cmd.Parameters.AddWithValue("$version", acceptance.Version);
        cmd.Parameters.AddWithValue("$at", acceptance.AcceptedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<GuidelinesAcceptance?> GetAsync(string roomId, string userId, int version, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT accepted_at FROM guidelines_acceptances WHERE room_id = $room AND user_id = $user AND version = $version";
        cmd.Parameters.AddWithValue("$room", roomId);
        cmd.Parameters.AddWithValue("$user", userId);
        cmd.Parameters.AddWithValue("$version", version);
        return await cmd.ExecuteScalarAsync(ct) is string at
            ? new GuidelinesAcceptance(roomId, userId, version, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
            : null;
    }
}
