using System.Data.Common;
using Npgsql;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// The durable store when <c>ConnectionStrings:PeerRooms</c> names a PostgreSQL database. Pooled
/// through one <see cref="NpgsqlDataSource"/>; the schema is migrated on first use under an
/// advisory lock, so several nodes starting at once migrate exactly once.
/// </summary>
public sealed class PostgresDatabase : IDurableDatabase, IAsyncDisposable
{
    /// <summary>Arbitrary but fixed: the advisory lock id PeerRooms migrations hold.</summary>
    private const long MigrationLockId = 0x50_6565_7252_6f6f;
    private readonly NpgsqlDataSource _dataSource;
    private Lazy<Task> _migrated;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Fail fast when the database is unreachable rather than holding hub calls and probes.
        if (builder.Timeout > 5) builder.Timeout = 5;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _migrated = new Lazy<Task>(MigrateAsync);
    }

    /// <summary>Whether a configured connection string names PostgreSQL (key/value form with a Host) rather than SQLite.</summary>
    public static bool IsPostgres(string? connectionString)
        => !string.IsNullOrWhiteSpace(connectionString)
           && connectionString.Split(';').Any(part => part.Trim().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
                                                      || part.Trim().StartsWith("Server=", StringComparison.OrdinalIgnoreCase));

    public SqlDialect Dialect => SqlDialect.Postgres;

    async Task<DbConnection> IDurableDatabase.OpenAsync(CancellationToken ct) => await OpenAsync(ct);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        await EnsureMigratedAsync();
        return await _dataSource.OpenConnectionAsync(ct);
    }

    /// <summary>Applies pending schema steps (once per process; retried after a failure).</summary>
    public async Task EnsureMigratedAsync()
    {
        var migration = _migrated;
        try
        {
            await migration.Value;
        }
        catch
        {
            // Do not cache a failure (database not up yet): the next call tries again.
            Interlocked.CompareExchange(ref _migrated, new Lazy<Task>(MigrateAsync), migration);
            throw;
        }
    }

    private async Task MigrateAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockId})", connection))
            await lockCmd.ExecuteNonQueryAsync();
        try
        {
            await SchemaMigrations.ApplyAsync(connection, SchemaMigrations.Postgres);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockId})", connection);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
