using Npgsql;
using NpgsqlTypes;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Escalation cases, audit and outbox in PostgreSQL (shared by every node when scaled out). Same
/// contract as <see cref="SqliteEscalationStore"/>: case changes are conditional on the stored
/// version; outbox leases take rows with <c>FOR UPDATE SKIP LOCKED</c> and an expired-lease check,
/// so two relays never hold the same item.
/// </summary>
public sealed class PostgresEscalationStore(PostgresDatabase db) : IEscalationStore
{
    private const string Columns = "body, room_name, message_id, message_text, message_sent_at, next_due_at";

    public async Task<bool> CreateAsync(EscalationRecord record, IReadOnlyList<OutboxItem> outbox, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO escalation_cases(id, room_id, subject_user_id, state, version, next_due_at, room_name, message_id, message_text, message_sent_at, body, created_at, updated_at)
            VALUES (@id, @room, @user, @state, @version, @due, @roomName, @mid, @mtext, @msent, @body, @created, @updated)
            ON CONFLICT DO NOTHING
            """, connection, tx))
        {
            BindCase(cmd, record);
            cmd.Parameters.AddWithValue("room", record.Case.RoomId);
            cmd.Parameters.AddWithValue("user", record.Case.Subject.UserId);
            cmd.Parameters.AddWithValue("created", record.Case.CreatedAt.ToUnixTimeMilliseconds());
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) return false;
        }
        await WriteAuditAsync(connection, tx, record.Case, ct);
        await WriteOutboxAsync(connection, tx, outbox, record.Case.UpdatedAt, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> UpdateAsync(EscalationRecord record, int expectedVersion, IReadOnlyList<OutboxItem> outbox, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            UPDATE escalation_cases SET state = @state, version = @version, next_due_at = @due, room_name = @roomName,
                message_id = @mid, message_text = @mtext, message_sent_at = @msent, body = @body, updated_at = @updated
            WHERE id = @id AND version = @expected
            """, connection, tx))
        {
            BindCase(cmd, record);
            cmd.Parameters.AddWithValue("expected", expectedVersion);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) return false;
        }
        await WriteAuditAsync(connection, tx, record.Case, ct);
        await WriteOutboxAsync(connection, tx, outbox, record.Case.UpdatedAt, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> RescheduleAsync(string caseId, int expectedVersion, DateTimeOffset? expectedDue, DateTimeOffset? nextDue, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "UPDATE escalation_cases SET next_due_at = @next WHERE id = @id AND version = @v AND next_due_at IS NOT DISTINCT FROM @old", connection);
        cmd.Parameters.AddWithValue("id", caseId);
        cmd.Parameters.AddWithValue("v", expectedVersion);
        cmd.Parameters.Add(Millis("old", expectedDue));
        cmd.Parameters.Add(Millis("next", nextDue));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<EscalationRecord?> GetAsync(string caseId, CancellationToken ct = default)
        => (await QueryAsync($"SELECT {Columns} FROM escalation_cases WHERE id = @id", c => c.Parameters.AddWithValue("id", caseId), ct)).FirstOrDefault();

    public async Task<EscalationRecord?> FindActiveAsync(string roomId, string userId, CancellationToken ct = default)
        => (await QueryAsync($"SELECT {Columns} FROM escalation_cases WHERE room_id = @room AND subject_user_id = @user AND state <> 'resolved'", c =>
        {
            c.Parameters.AddWithValue("room", roomId);
            c.Parameters.AddWithValue("user", userId);
        }, ct)).FirstOrDefault();

    public Task<IReadOnlyList<EscalationRecord>> ListAsync(CaseFilter filter, int max, CancellationToken ct = default)
    {
        var where = filter switch
        {
            CaseFilter.Active => "WHERE state <> 'resolved'",
            CaseFilter.All => "",
            _ => "WHERE state = @state",
        };
        return QueryAsync($"SELECT {Columns} FROM escalation_cases {where} ORDER BY created_at, id LIMIT @max", c =>
        {
            c.Parameters.AddWithValue("max", max);
            if (filter is not (CaseFilter.Active or CaseFilter.All)) c.Parameters.AddWithValue("state", filter.ToString().ToLowerInvariant());
        }, ct);
    }

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT id FROM escalation_cases WHERE next_due_at IS NOT NULL AND next_due_at <= @now AND state <> 'resolved' ORDER BY next_due_at LIMIT @max", connection);
        cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("max", max);
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task<IReadOnlyList<LeasedOutboxItem>> LeaseOutboxAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            UPDATE escalation_outbox SET lease_owner = @owner, lease_until = @until, deliveries = deliveries + 1
            WHERE id IN (SELECT id FROM escalation_outbox
                         WHERE delivered_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                         ORDER BY id LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING id, dedup_key, case_id, target, event, tier_index, tier_name, attempt, address, deliveries, created_at
            """, connection);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("until", (now + lease).ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("max", max);
        var items = new List<LeasedOutboxItem>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var item = new OutboxItem(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetString(6), reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8));
            items.Add(new LeasedOutboxItem(reader.GetInt64(0), item, reader.GetInt32(9), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
        }
        return [.. items.OrderBy(i => i.Id)];
    }

    public async Task MarkDeliveredAsync(long id, string owner, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "UPDATE escalation_outbox SET delivered_at = @now, lease_owner = NULL, lease_until = NULL WHERE id = @id AND delivered_at IS NULL", connection);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task RetryLaterAsync(long id, string owner, DateTimeOffset retryAt, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "UPDATE escalation_outbox SET next_attempt_at = @at, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND delivered_at IS NULL", connection);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("at", retryAt.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> PendingOutboxAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM escalation_outbox WHERE delivered_at IS NULL", connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    private async Task<IReadOnlyList<EscalationRecord>> QueryAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, connection);
        bind(cmd);
        var records = new List<EscalationRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var message = reader.IsDBNull(2) || reader.IsDBNull(3) ? null
                : new TriggeringMessage(reader.GetString(2), reader.GetString(3), DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture));
            var due = reader.IsDBNull(5) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5));
            records.Add(new EscalationRecord(EscalationJson.Deserialize(reader.GetString(0)), reader.GetString(1), message, due));
        }
        return records;
    }

    private static NpgsqlParameter Millis(string name, DateTimeOffset? value)
        => new(name, NpgsqlDbType.Bigint) { Value = (object?)value?.ToUnixTimeMilliseconds() ?? DBNull.Value };

    private static NpgsqlParameter Text(string name, string? value)
        => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static void BindCase(NpgsqlCommand cmd, EscalationRecord record)
    {
        var c = record.Case;
        cmd.Parameters.AddWithValue("id", c.Id);
        cmd.Parameters.AddWithValue("state", c.State.ToWireName());
        cmd.Parameters.AddWithValue("version", c.Version);
        cmd.Parameters.Add(Millis("due", record.NextDueAt));
        cmd.Parameters.AddWithValue("roomName", record.RoomName);
        cmd.Parameters.Add(Text("mid", record.Message?.MessageId));
        cmd.Parameters.Add(Text("mtext", record.Message?.Text));
        cmd.Parameters.Add(Text("msent", record.Message?.SentAt.ToString("O")));
        cmd.Parameters.AddWithValue("body", EscalationJson.Serialize(c));
        cmd.Parameters.AddWithValue("updated", c.UpdatedAt.ToUnixTimeMilliseconds());
    }

    private static async Task WriteAuditAsync(NpgsqlConnection connection, NpgsqlTransaction tx, EscalationCase c, CancellationToken ct)
    {
        for (var seq = 0; seq < c.Audit.Count; seq++)
        {
            var e = c.Audit[seq];
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO escalation_audit(case_id, seq, at, actor, action, from_state, to_state, detail)
                VALUES (@case, @seq, @at, @actor, @action, @from, @to, @detail) ON CONFLICT DO NOTHING
                """, connection, tx);
            cmd.Parameters.AddWithValue("case", c.Id);
            cmd.Parameters.AddWithValue("seq", seq);
            cmd.Parameters.AddWithValue("at", e.At.ToString("O"));
            cmd.Parameters.AddWithValue("actor", e.Actor);
            cmd.Parameters.AddWithValue("action", e.Action);
            cmd.Parameters.AddWithValue("from", e.From.ToWireName());
            cmd.Parameters.AddWithValue("to", e.To.ToWireName());
            cmd.Parameters.Add(Text("detail", e.Detail));
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task WriteOutboxAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<OutboxItem> outbox, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var item in outbox)
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO escalation_outbox(dedup_key, case_id, target, event, tier_index, tier_name, attempt, address, created_at, next_attempt_at)
                VALUES (@key, @case, @target, @event, @tier, @tierName, @attempt, @address, @now, @now) ON CONFLICT DO NOTHING
                """, connection, tx);
            cmd.Parameters.AddWithValue("key", item.DedupKey);
            cmd.Parameters.AddWithValue("case", item.CaseId);
            cmd.Parameters.AddWithValue("target", item.Target);
            cmd.Parameters.AddWithValue("event", item.Event);
            cmd.Parameters.AddWithValue("tier", item.TierIndex);
            cmd.Parameters.AddWithValue("tierName", item.TierName);
            cmd.Parameters.AddWithValue("attempt", item.Attempt);
            cmd.Parameters.Add(Text("address", item.Address));
            cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
