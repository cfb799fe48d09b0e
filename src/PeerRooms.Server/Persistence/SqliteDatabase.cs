using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Persistence;

/// <summary>
/// The embedded durable store: one SQLite file under the data directory, created and migrated on
/// first use. WAL mode so readers do not block the writer.
/// </summary>
public sealed class SqliteDatabase : IDurableDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _migrated;

    public SqliteDatabase(IOptions<PeerRoomsOptions> options, IHostEnvironment env, IConfiguration config)
    {
        var configured = config.GetConnectionString("PeerRooms");
        _connectionString = !string.IsNullOrWhiteSpace(configured) && configured.Contains("Data Source", StringComparison.OrdinalIgnoreCase)
            ? configured
            : new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(DataDirectory.Resolve(options.Value, env), "peerrooms.db"),
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
        _migrated = new Lazy<Task>(MigrateAsync);
    }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    async Task<DbConnection> IDurableDatabase.OpenAsync(CancellationToken ct) => await OpenAsync(ct);

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await _migrated.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private async Task MigrateAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;";
            await pragma.ExecuteNonQueryAsync();
        }
        await SchemaMigrations.ApplyAsync(connection, SchemaMigrations.Sqlite);
    }
}
