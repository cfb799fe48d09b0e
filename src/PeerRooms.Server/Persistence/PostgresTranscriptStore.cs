using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Persistence;

/// <summary>The opt-in retained transcript in PostgreSQL; same contract as <see cref="SqliteTranscriptStore"/>.</summary>
public sealed class PostgresTranscriptStore(PostgresDatabase db) : ITranscriptStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AppendAsync(string roomId, ChatMessage message, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO transcript_messages(room_id, message_id, sequence, expires_at_ms, body) VALUES (@room, @id, @seq, @exp, @body) ON CONFLICT DO NOTHING", connection);
        cmd.Parameters.AddWithValue("room", roomId);
        cmd.Parameters.AddWithValue("id", message.MessageId);
        cmd.Parameters.AddWithValue("seq", message.Sequence);
        cmd.Parameters.AddWithValue("exp", expiresAt.ToUnixTimeMilliseconds());
        cmd.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(message, Json) });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> RemoveAsync(string roomId, string messageId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("DELETE FROM transcript_messages WHERE room_id = @room AND message_id = @id", connection);
        cmd.Parameters.AddWithValue("room", roomId);
        cmd.Parameters.AddWithValue("id", messageId);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<ChatMessage>> GetAsync(string roomId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT body::text FROM transcript_messages WHERE room_id = @room ORDER BY sequence", connection);
        cmd.Parameters.AddWithValue("room", roomId);
        var result = new List<ChatMessage>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(JsonSerializer.Deserialize<ChatMessage>(reader.GetString(0), Json) ?? throw new InvalidDataException("empty transcript row"));
        return result;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("DELETE FROM transcript_messages WHERE expires_at_ms <= @now", connection);
        cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
