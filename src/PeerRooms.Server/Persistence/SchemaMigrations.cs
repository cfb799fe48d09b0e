using System.Data.Common;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// Ordered schema steps, applied once each and recorded in <c>schema_version</c>. Append new steps;
/// never edit an applied one. SQLite and PostgreSQL keep parallel lists with the same numbers.
/// </summary>
public static class SchemaMigrations
{
    public static readonly IReadOnlyList<string> Sqlite =
    [
        """
        CREATE TABLE rooms (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE room_facilitators (
            room_id TEXT NOT NULL REFERENCES rooms(id),
            user_id TEXT NOT NULL,
            PRIMARY KEY (room_id, user_id)
        );
        CREATE INDEX ix_room_facilitators_user ON room_facilitators(user_id);
        """,
        // 2: facilitator tools. Permanent room bans, and the moderation audit log (never message text).
        """
        CREATE TABLE room_bans (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            banned_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (room_id, user_id)
        );
        CREATE TABLE moderation_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            room_id TEXT NOT NULL,
            actor_user_id TEXT NOT NULL,
            action TEXT NOT NULL,
            target_user_id TEXT,
            target_message_id TEXT,
            detail TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX ix_moderation_audit_room ON moderation_audit(room_id, seq);
        """,
        // 3: disclosure. Who accepted which guidelines version when; the opt-in retained transcript.
        """
        CREATE TABLE guidelines_acceptances (
            room_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            accepted_at TEXT NOT NULL,
            PRIMARY KEY (room_id, user_id, version)
        );
        CREATE TABLE transcript_messages (
            room_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            expires_at_ms INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (room_id, message_id)
        );
        CREATE INDEX ix_transcript_messages_expiry ON transcript_messages(expires_at_ms);
        """,
        // 4: crisis escalation cases, their audit trail and the paging outbox (SqlEscalationStore).
        """
        CREATE TABLE escalation_cases (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL,
            subject_user_id TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            next_due_at INTEGER NULL,
            room_name TEXT NOT NULL,
            message_id TEXT NULL,
            message_text TEXT NULL,
            message_sent_at TEXT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ux_escalation_cases_active_subject ON escalation_cases(room_id, subject_user_id) WHERE state <> 'resolved';
        CREATE INDEX ix_escalation_cases_state ON escalation_cases(state, created_at);
        CREATE INDEX ix_escalation_cases_due ON escalation_cases(next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE TABLE escalation_audit (
            case_id TEXT NOT NULL REFERENCES escalation_cases(id),
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            detail TEXT NULL,
            PRIMARY KEY (case_id, seq)
        );
        CREATE TABLE escalation_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            dedup_key TEXT NOT NULL UNIQUE,
            case_id TEXT NOT NULL,
            target TEXT NOT NULL,
            event TEXT NOT NULL,
            tier_index INTEGER NOT NULL,
            tier_name TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            address TEXT NULL,
            created_at INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            deliveries INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL,
            delivered_at INTEGER NULL
        );
        CREATE INDEX ix_escalation_outbox_pending ON escalation_outbox(next_attempt_at) WHERE delivered_at IS NULL;
        """,
    ];

    /// <summary>The same steps for PostgreSQL, with the same numbering (step N here is step N above).</summary>
    public static readonly IReadOnlyList<string> Postgres =
    [
        """
        CREATE TABLE rooms (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            body JSONB NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE room_facilitators (
            room_id TEXT NOT NULL REFERENCES rooms(id),
            user_id TEXT NOT NULL,
            PRIMARY KEY (room_id, user_id)
        );
        CREATE INDEX ix_room_facilitators_user ON room_facilitators(user_id);
        """,
        // 2: facilitator tools (same tables as SQLite step 2).
        """
        CREATE TABLE room_bans (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            banned_by TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            UNIQUE (room_id, user_id)
        );
        CREATE TABLE moderation_audit (
            seq BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            room_id TEXT NOT NULL,
            actor_user_id TEXT NOT NULL,
            action TEXT NOT NULL,
            target_user_id TEXT,
            target_message_id TEXT,
            detail TEXT,
            at TIMESTAMPTZ NOT NULL
        );
        CREATE INDEX ix_moderation_audit_room ON moderation_audit(room_id, seq);
        """,
        // 3: disclosure (same tables as SQLite step 3).
        """
        CREATE TABLE guidelines_acceptances (
            room_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            accepted_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (room_id, user_id, version)
        );
        CREATE TABLE transcript_messages (
            room_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            sequence BIGINT NOT NULL,
            expires_at_ms BIGINT NOT NULL,
            body JSONB NOT NULL,
            PRIMARY KEY (room_id, message_id)
        );
        CREATE INDEX ix_transcript_messages_expiry ON transcript_messages(expires_at_ms);
        """,
        // 4: crisis escalation cases, their audit trail and the paging outbox (SqlEscalationStore).
        """
        CREATE TABLE escalation_cases (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL,
            subject_user_id TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            next_due_at BIGINT NULL,
            room_name TEXT NOT NULL,
            message_id TEXT NULL,
            message_text TEXT NULL,
            message_sent_at TEXT NULL,
            body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE UNIQUE INDEX ux_escalation_cases_active_subject ON escalation_cases(room_id, subject_user_id) WHERE state <> 'resolved';
        CREATE INDEX ix_escalation_cases_state ON escalation_cases(state, created_at);
        CREATE INDEX ix_escalation_cases_due ON escalation_cases(next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE TABLE escalation_audit (
            case_id TEXT NOT NULL REFERENCES escalation_cases(id),
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            detail TEXT NULL,
            PRIMARY KEY (case_id, seq)
        );
        CREATE TABLE escalation_outbox (
            id BIGSERIAL PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,
            case_id TEXT NOT NULL,
            target TEXT NOT NULL,
            event TEXT NOT NULL,
            tier_index INTEGER NOT NULL,
            tier_name TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            address TEXT NULL,
            created_at BIGINT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            deliveries INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_until BIGINT NULL,
            delivered_at BIGINT NULL
        );
        CREATE INDEX ix_escalation_outbox_pending ON escalation_outbox(next_attempt_at) WHERE delivered_at IS NULL;
        """,
    ];

    public static async Task ApplyAsync(DbConnection connection, IReadOnlyList<string> steps, CancellationToken ct = default)
    {
        await Exec(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)", ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        long current;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
        }
        for (var v = (int)current; v < steps.Count; v++)
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = steps[v] + $";\nINSERT INTO schema_version(version) VALUES ({v + 1});";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task Exec(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
