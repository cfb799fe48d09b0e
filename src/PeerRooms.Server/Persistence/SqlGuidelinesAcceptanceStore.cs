using PeerRooms.Core.Disclosure;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Guideline acceptances (table <c>guidelines_acceptances</c>) in the configured durable database.
/// The first acceptance of a version is kept; accepting again changes nothing.
/// </summary>
public sealed class SqlGuidelinesAcceptanceStore(IDurableDatabase db) : IGuidelinesAcceptanceStore
{
    public async Task RecordAsync(GuidelinesAcceptance acceptance, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "INSERT INTO guidelines_acceptances(room_id, user_id, version, accepted_at) VALUES (@room, @user, @version, @at) ON CONFLICT DO NOTHING")
            .With("room", acceptance.RoomId)
            .With("user", acceptance.UserId)
            .With("version", acceptance.Version)
            .With("at", db.Dialect.Timestamp(acceptance.AcceptedAt.ToUniversalTime()));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<GuidelinesAcceptance?> GetAsync(string roomId, string userId, int version, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "SELECT accepted_at FROM guidelines_acceptances WHERE room_id = @room AND user_id = @user AND version = @version")
            .With("room", roomId)
            .With("user", userId)
            .With("version", version);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new GuidelinesAcceptance(roomId, userId, version, reader.GetFieldValue<DateTimeOffset>(0))
            : null;
    }
}
