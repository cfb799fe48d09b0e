using System.Data.Common;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// The configured durable database (<see cref="SqliteDatabase"/> or <see cref="PostgresDatabase"/>),
/// seen through System.Data.Common so each store is written once. Connections come back open and
/// the schema migrated; the <see cref="Dialect"/> supplies the few SQL fragments and value forms
/// that differ between the two.
/// </summary>
public interface IDurableDatabase
{
    SqlDialect Dialect { get; }

    /// <summary>An open connection on a migrated schema; the caller disposes it.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);
}
