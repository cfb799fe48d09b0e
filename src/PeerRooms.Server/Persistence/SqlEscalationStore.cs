using System.Data.Common;
using System.Globalization;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Escalation cases, their audit trail and the paging outbox, in the configured durable database
/// (SQLite, or PostgreSQL shared by every node when scaled out). A case and the outbox items of
/// the same change are written in one transaction (IMMEDIATE on SQLite), so a case is never stored
/// without its pages nor a page without its case. Case changes are conditional on the stored
/// version (<c>WHERE version = @expected</c>); outbox leases are one atomic UPDATE ... RETURNING
/// with an expired-lease check (plus <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL), so several
/// nodes sharing the database never both win the same claim, timer or outbox item.
/// </summary>
public sealed class SqlEscalationStore(IDurableDatabase db) : IEscalationStore
{
    private const string Columns = "body, room_name, message_id, message_text, message_sent_at, next_due_at";

    public async Task<bool> CreateAsync(EscalationRecord record, IReadOnlyList<OutboxItem> outbox, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var cmd = connection.Command("""
            INSERT INTO escalation_cases(id, room_id, subject_user_id, state, version, next_due_at, room_name, message_id, message_text, message_sent_at, body, created_at, updated_at)
            VALUES (@id, @room, @user, @state, @version, @due, @roomName, @mid, @mtext, @msent, @body, @created, @updated)
            ON CONFLICT DO NOTHING
            """, tx))
        {
            BindCase(cmd, record)
                .With("room", record.Case.RoomId)
                .With("user", record.Case.Subject.UserId)
                .With("created", record.Case.CreatedAt.ToUnixTimeMilliseconds());
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
        await using (var cmd = connection.Command("""
            UPDATE escalation_cases SET state = @state, version = @version, next_due_at = @due, room_name = @roomName,
                message_id = @mid, message_text = @mtext, message_sent_at = @msent, body = @body, updated_at = @updated
            WHERE id = @id AND version = @expected
            """, tx))
        {
            BindCase(cmd, record).With("expected", expectedVersion);
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
        await using var cmd = connection.Command(
                "UPDATE escalation_cases SET next_due_at = @next WHERE id = @id AND version = @v AND next_due_at IS NOT DISTINCT FROM @old")
            .With("id", caseId)
            .With("v", expectedVersion)
            .WithNullable("old", expectedDue?.ToUnixTimeMilliseconds())
            .WithNullable("next", nextDue?.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<EscalationRecord?> GetAsync(string caseId, CancellationToken ct = default)
        => (await QueryAsync($"SELECT {Columns} FROM escalation_cases WHERE id = @id", c => c.With("id", caseId), ct)).FirstOrDefault();

    public async Task<EscalationRecord?> FindActiveAsync(string roomId, string userId, CancellationToken ct = default)
        => (await QueryAsync($"SELECT {Columns} FROM escalation_cases WHERE room_id = @room AND subject_user_id = @user AND state <> 'resolved'",
            c => c.With("room", roomId).With("user", userId), ct)).FirstOrDefault();

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
            c.With("max", max);
            if (filter is not (CaseFilter.Active or CaseFilter.All)) c.With("state", StateOf(filter));
        }, ct);
    }

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "SELECT id FROM escalation_cases WHERE next_due_at IS NOT NULL AND next_due_at <= @now AND state <> 'resolved' ORDER BY next_due_at LIMIT @max")
            .With("now", now.ToUnixTimeMilliseconds())
            .With("max", max);
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task<IReadOnlyList<LeasedOutboxItem>> LeaseOutboxAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command($"""
                UPDATE escalation_outbox SET lease_owner = @owner, lease_until = @until, deliveries = deliveries + 1
                WHERE id IN (SELECT id FROM escalation_outbox
                             WHERE delivered_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                             ORDER BY id LIMIT @max {db.Dialect.SkipLockedRows})
                RETURNING id, dedup_key, case_id, target, event, tier_index, tier_name, attempt, address, deliveries, created_at
                """)
            .With("owner", owner)
            .With("now", now.ToUnixTimeMilliseconds())
            .With("until", (now + lease).ToUnixTimeMilliseconds())
            .With("max", max);
        var items = new List<LeasedOutboxItem>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var item = new OutboxItem(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetString(6), reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8));
            items.Add(new LeasedOutboxItem(reader.GetInt64(0), item, reader.GetInt32(9), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
        }
        // RETURNING gives no order guarantee; relays deliver in outbox order.
        return [.. items.OrderBy(i => i.Id)];
    }

    public async Task MarkDeliveredAsync(long id, string owner, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "UPDATE escalation_outbox SET delivered_at = @now, lease_owner = NULL, lease_until = NULL WHERE id = @id AND delivered_at IS NULL")
            .With("id", id)
            .With("now", now.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task RetryLaterAsync(long id, string owner, DateTimeOffset retryAt, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(
                "UPDATE escalation_outbox SET next_attempt_at = @at, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND delivered_at IS NULL")
            .With("id", id)
            .With("owner", owner)
            .With("at", retryAt.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> PendingOutboxAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command("SELECT COUNT(*) FROM escalation_outbox WHERE delivered_at IS NULL");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<EscalationRecord>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.Command(sql);
        bind(cmd);
        var records = new List<EscalationRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var message = reader.IsDBNull(2) || reader.IsDBNull(3) ? null
                : new TriggeringMessage(reader.GetString(2), reader.GetString(3), DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture));
            var due = reader.IsDBNull(5) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5));
            records.Add(new EscalationRecord(EscalationJson.Deserialize(reader.GetString(0)), reader.GetString(1), message, due));
        }
        return records;
    }

    private static DbCommand BindCase(DbCommand cmd, EscalationRecord record)
    {
        var c = record.Case;
        return cmd
            .With("id", c.Id)
            .With("state", c.State.ToWireName())
            .With("version", c.Version)
            .WithNullable("due", record.NextDueAt?.ToUnixTimeMilliseconds())
            .With("roomName", record.RoomName)
            .WithNullable("mid", record.Message?.MessageId)
            .WithNullable("mtext", record.Message?.Text)
            .WithNullable("msent", record.Message?.SentAt.ToString("O"))
            .With("body", EscalationJson.Serialize(c))
            .With("updated", c.UpdatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>The audit trail only grows, so entries are keyed by position and re-inserting old ones is a no-op.</summary>
    private static async Task WriteAuditAsync(DbConnection connection, DbTransaction tx, EscalationCase c, CancellationToken ct)
    {
        for (var seq = 0; seq < c.Audit.Count; seq++)
        {
            var e = c.Audit[seq];
            await using var cmd = connection.Command("""
                    INSERT INTO escalation_audit(case_id, seq, at, actor, action, from_state, to_state, detail)
                    VALUES (@case, @seq, @at, @actor, @action, @from, @to, @detail) ON CONFLICT DO NOTHING
                    """, tx)
                .With("case", c.Id)
                .With("seq", seq)
                .With("at", e.At.ToString("O"))
                .With("actor", e.Actor)
                .With("action", e.Action)
                .With("from", e.From.ToWireName())
                .With("to", e.To.ToWireName())
                .WithNullable("detail", e.Detail);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An outbox item is keyed by its dedup key: writing the same page twice stores it once.</summary>
    private static async Task WriteOutboxAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<OutboxItem> outbox, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var item in outbox)
        {
            await using var cmd = connection.Command("""
                    INSERT INTO escalation_outbox(dedup_key, case_id, target, event, tier_index, tier_name, attempt, address, created_at, next_attempt_at)
                    VALUES (@key, @case, @target, @event, @tier, @tierName, @attempt, @address, @now, @now) ON CONFLICT DO NOTHING
                    """, tx)
                .With("key", item.DedupKey)
                .With("case", item.CaseId)
                .With("target", item.Target)
                .With("event", item.Event)
                .With("tier", item.TierIndex)
                .With("tierName", item.TierName)
                .With("attempt", item.Attempt)
                .WithNullable("address", item.Address)
                .With("now", now.ToUnixTimeMilliseconds());
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static string StateOf(CaseFilter filter) => filter switch
    {
        CaseFilter.Open => "open",
        CaseFilter.Claimed => "claimed",
        CaseFilter.Acknowledged => "acknowledged",
        _ => "resolved",
    };
}
