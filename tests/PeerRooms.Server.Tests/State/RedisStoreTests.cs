using Microsoft.Extensions.Options;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.State;

/// <summary>Connections to the shared test redis-server, each with a key prefix no other test uses.</summary>
public sealed class RedisConnections(RedisFixture fixture) : IAsyncDisposable
{
    private readonly List<RedisConnection> _connections = [];

    public RedisConnection Create()
    {
        var connection = new RedisConnection(Options.Create(new PeerRoomsOptions
        {
            Redis = fixture.Redis.Configuration,
            RedisPrefix = RedisFixture.UniquePrefix(),
        }));
        lock (_connections) _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections) await c.DisposeAsync();
    }
}

public sealed class RedisPresenceStoreTests(RedisFixture fixture) : PresenceStoreContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);
    protected override IPresenceStore CreateStore() => new RedisPresenceStore(_connections.Create());
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();
}

public sealed class RedisHistoryStoreTests(RedisFixture fixture) : HistoryStoreContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);
    protected override IHistoryStore CreateStore() => new RedisHistoryStore(_connections.Create());
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();
}

public sealed class RedisNodeLeaseStoreTests(RedisFixture fixture) : NodeLeaseStoreContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);
    protected override INodeLeaseStore CreateStore() => new RedisNodeLeaseStore(_connections.Create());
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();
}

public sealed class RedisModerationStoreTests(RedisFixture fixture) : ModerationStoreContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);
    protected override PeerRooms.Core.Moderation.IModerationStore CreateStore() => new RedisModerationStore(_connections.Create());
    protected override PeerRooms.Core.Moderation.ISlowModeGate CreateGate() => new RedisSlowModeGate(_connections.Create());
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();
}

public sealed class RedisSendStateReaderTests(RedisFixture fixture) : SendStateReaderContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);

    protected override SendStateStores CreateStores()
    {
        var connection = _connections.Create(); // one prefix: the reader sees what the stores wrote
        return new SendStateStores(new RedisPresenceStore(connection), new RedisHistoryStore(connection),
            new RedisModerationStore(connection), new RedisSendStateReader(connection));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();
}
