namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// Two PeerRooms nodes on real Kestrel sockets sharing a real redis-server (live state and the
/// SignalR backplane, under a key prefix of their own) and one durable store, as two processes
/// behind a load balancer would. Tests make their own rooms and users, so a class may share it.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "cluster-" + Guid.NewGuid().ToString("N")[..8]);

    public RedisServerProcess Redis { get; } = new();
    public string Prefix { get; } = RedisFixture.UniquePrefix();
    public PeerRoomsServer A { get; private set; } = null!;
    public PeerRoomsServer B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.StartAsync();
        A = StartNode("a");
        B = StartNode("b");
    }

    /// <summary>Settings of a node of this cluster (extra settings win).</summary>
    public Dictionary<string, string?> NodeSettings(string nodeId, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PeerRooms:Redis"] = Redis.Configuration,
            ["PeerRooms:RedisPrefix"] = Prefix,
            ["PeerRooms:NodeId"] = nodeId,
            ["PeerRooms:DataDirectory"] = _dataDirectory,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }

    public PeerRoomsServer StartNode(string nodeId, IDictionary<string, string?>? extra = null, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
        => new(NodeSettings(nodeId, extra), configure: configure);

    public async Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        await Redis.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
