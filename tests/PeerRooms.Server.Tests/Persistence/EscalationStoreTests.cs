using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Escalation;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Persistence;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Persistence;

public sealed class SqliteEscalationStoreTests : EscalationStoreContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "esc-sqlite-" + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<IEscalationStore> CreateStoreAsync()
    {
        var options = Options.Create(new PeerRoomsOptions { DataDirectory = _dir });
        var env = new HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        return Task.FromResult<IEscalationStore>(new SqlEscalationStore(new SqliteDatabase(options, env, new ConfigurationBuilder().Build())));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgresEscalationStoreTests(PostgresFixture fixture) : EscalationStoreContract, IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<IEscalationStore> CreateStoreAsync()
    {
        var db = new PostgresDatabase(await fixture.Postgres.CreateDatabaseAsync());
        _databases.Add(db);
        return new SqlEscalationStore(db);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
