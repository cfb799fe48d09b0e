using System.Text.Json;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// The opt-in retained transcript (table <c>transcript_messages</c>) in the configured durable
/// database: one row per message, its JSON body and its expiry; appending a message twice keeps
/// the first. Only rooms whose policy sets <c>historyRetentionDays</c> write here (see
/// <see cref="TranscriptRecorder"/>).
/// </summary>
public sealed class SqlTranscriptStore(IDurableDatabase db) : ITranscriptStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AppendAsync(string roomId, ChatMessage message, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                $"INSERT INTO transcript_messages(room_id, message_id, sequence, expires_at_ms, body) VALUES (@room, @id, @seq, @exp, {db.Dialect.Json("@body")}) ON CONFLICT DO NOTHING")
            .With("room", roomId)
            .With("id", message.MessageId)
            .With("seq", message.Sequence)
            .With("exp", expiresAt.ToUnixTimeMilliseconds())
            .With("body", JsonSerializer.Serialize(message, Json));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> RemoveAsync(string roomId, string messageId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("DELETE FROM transcript_messages WHERE room_id = @room AND message_id = @id")
            .With("room", roomId)
            .With("id", messageId);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<ChatMessage>> GetAsync(string roomId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("SELECT body FROM transcript_messages WHERE room_id = @room ORDER BY sequence")
            .With("room", roomId);
        var result = new List<ChatMessage>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(JsonSerializer.Deserialize<ChatMessage>(reader.GetString(0), Json) ?? throw new InvalidDataException("empty transcript row"));
        return result;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("DELETE FROM transcript_messages WHERE expires_at_ms <= @now")
            .With("now", now.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
