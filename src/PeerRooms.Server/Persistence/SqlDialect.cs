using System.Globalization;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// What differs between the SQLite and PostgreSQL SQL the durable stores run. Everything else is
/// shared: both accept <c>@name</c> parameters, <c>ON CONFLICT [(columns)] DO NOTHING</c>,
/// <c>IS NOT DISTINCT FROM</c> (the SQLite bundled with Microsoft.Data.Sqlite is 3.53) and
/// <c>UPDATE ... RETURNING</c>. Keep this small: a difference that can be written portably belongs
/// in the shared SQL instead. The schemas differ only in column types (SchemaMigrations), which is
/// what <see cref="Json"/> and <see cref="Timestamp"/> bridge.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(skipLockedRows: "", jsonCast: "", timestampsAsText: true);

    public static readonly SqlDialect Postgres = new(skipLockedRows: "FOR UPDATE SKIP LOCKED", jsonCast: "::jsonb", timestampsAsText: false);

    private readonly string _jsonCast;
    private readonly bool _timestampsAsText;

    private SqlDialect(string skipLockedRows, string jsonCast, bool timestampsAsText)
    {
        SkipLockedRows = skipLockedRows;
        _jsonCast = jsonCast;
        _timestampsAsText = timestampsAsText;
    }

    /// <summary>
    /// Appended to a sub-select whose rows are about to be updated. PostgreSQL: concurrent relays
    /// skip rows another transaction is leasing instead of waiting for them, so two relays never
    /// hold the same outbox item. SQLite: empty, because its writers are serialised (IMMEDIATE
    /// transactions, one writer per database file), so there is no concurrent lessee to skip.
    /// </summary>
    public string SkipLockedRows { get; }

    /// <summary>A text parameter stored in a JSON column (JSONB on PostgreSQL, TEXT on SQLite), e.g. <c>Json("@body")</c>.</summary>
    public string Json(string parameter) => parameter + _jsonCast;

    /// <summary>
    /// A timestamp as the column stores it: round-trip ("O") text with its offset on SQLite (what
    /// <c>GetFieldValue&lt;DateTimeOffset&gt;</c> parses back), TIMESTAMPTZ on PostgreSQL, which
    /// Npgsql writes only from UTC values. Either way the instant read back equals the one written.
    /// </summary>
    public object Timestamp(DateTimeOffset value)
        => _timestampsAsText ? value.ToString("O", CultureInfo.InvariantCulture) : value.ToUniversalTime();
}
