namespace PeerRooms.Server.Persistence;

/// <summary>
/// What differs between the SQLite and PostgreSQL SQL the durable stores run. Everything else is
/// shared: both accept <c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>,
/// <c>IS NOT DISTINCT FROM</c> (the SQLite bundled with Microsoft.Data.Sqlite is 3.53) and
/// <c>UPDATE ... RETURNING</c>. Keep this small: a difference that can be written portably belongs
/// in the shared SQL instead.
/// </summary>
public sealed class SqlDialect
{
    /// <summary>
    /// SQLite: writers are serialised by IMMEDIATE transactions, so a lease's sub-select needs no row
    /// lock. PostgreSQL: concurrent relays skip rows another transaction is leasing rather than
    /// waiting for them, so two relays never hold the same outbox item.
    /// </summary>
    public static readonly SqlDialect Sqlite = new(skipLockedRows: "");

    /// <inheritdoc cref="Sqlite"/>
    public static readonly SqlDialect Postgres = new(skipLockedRows: "FOR UPDATE SKIP LOCKED");

    private SqlDialect(string skipLockedRows) => SkipLockedRows = skipLockedRows;

    /// <summary>Appended to a sub-select whose rows are about to be updated (empty on SQLite).</summary>
    public string SkipLockedRows { get; }
}
