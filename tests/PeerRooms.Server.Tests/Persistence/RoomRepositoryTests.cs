using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Moderation;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Persistence;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Persistence;

public sealed class SqliteRoomRepositoryTests : RoomRepositoryContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "sqlite-" + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<IRoomRepository> CreateRepositoryAsync()
    {
        var options = Options.Create(new PeerRoomsOptions { DataDirectory = _dir });
        var env = new HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        var db = new SqliteDatabase(options, env, new ConfigurationBuilder().Build());
        return Task.FromResult<IRoomRepository>(new SqlRoomRepository(db));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class SqliteModerationRecordsTests : ModerationRecordsContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "sqlite-" + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<(IBanRepository Bans, IAuditLog Audit)> CreateAsync()
    {
        var db = new SqliteDatabase(Options.Create(new PeerRoomsOptions { DataDirectory = _dir }),
            new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, new ConfigurationBuilder().Build());
        return Task.FromResult<(IBanRepository, IAuditLog)>((new SqlBanRepository(db), new SqlAuditLog(db)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgresModerationRecordsTests(PostgresFixture fixture) : ModerationRecordsContract, IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<(IBanRepository Bans, IAuditLog Audit)> CreateAsync()
    {
        var db = new PostgresDatabase(await fixture.Postgres.CreateDatabaseAsync());
        _databases.Add(db);
        return (new SqlBanRepository(db), new SqlAuditLog(db));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}

public sealed class PostgresRoomRepositoryTests(PostgresFixture fixture) : RoomRepositoryContract, IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<IRoomRepository> CreateRepositoryAsync()
    {
        var db = new PostgresDatabase(await fixture.Postgres.CreateDatabaseAsync());
        _databases.Add(db);
        return new SqlRoomRepository(db);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}

/// <summary>Schema migrations on PostgreSQL: applied once, even by several nodes starting together.</summary>
public sealed class PostgresMigrationTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Concurrent_start_ups_migrate_once_and_record_every_step()
    {
        var connectionString = await fixture.Postgres.CreateDatabaseAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(connectionString)).ToArray();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.EnsureMigratedAsync()));
            await using var connection = await nodes[0].OpenAsync(CancellationToken.None);
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_version", connection);
            var versions = (int[])(await cmd.ExecuteScalarAsync())!;
            Assert.Equal(Enumerable.Range(1, SchemaMigrations.Postgres.Count), versions);
            Assert.Equal(SchemaMigrations.Sqlite.Count, SchemaMigrations.Postgres.Count);
        }
        finally
        {
            foreach (var n in nodes) await n.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Host=db;Database=peerrooms;Username=app", true)]
    [InlineData("host=db; port=5432", true)]
    [InlineData("Data Source=/data/peerrooms.db", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_connection_string_with_a_host_names_postgresql(string? connectionString, bool postgres)
        => Assert.Equal(postgres, PostgresDatabase.IsPostgres(connectionString));
}
