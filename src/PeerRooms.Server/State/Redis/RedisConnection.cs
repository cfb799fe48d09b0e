using Microsoft.Extensions.Options;
using PeerRooms.Server.Hosting;
using StackExchange.Redis;

namespace PeerRooms.Server.State.Redis;

/// <summary>
/// The node's one Redis multiplexer. Configured to fail fast (short timeouts) and to keep
/// reconnecting in the background, so a Redis outage turns hub calls into <c>unavailable</c> errors
/// quickly and the node recovers on its own when Redis returns.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<PeerRoomsOptions> options)
    {
        var o = options.Value;
        Keys = new RedisKeys(o.RedisPrefix);
        Configuration = CreateConfiguration(o.Redis ?? throw new InvalidOperationException("PeerRooms:Redis is not set."));
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(async () =>
            await ConnectionMultiplexer.ConnectAsync(Configuration));
    }

    public RedisKeys Keys { get; }

    public ConfigurationOptions Configuration { get; }

    public static ConfigurationOptions CreateConfiguration(string configuration)
    {
        var config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 2000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 2000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 2000);
        config.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        // While disconnected, fail commands at once (RedisConnectionException → "unavailable")
        // instead of queueing them until the timeout: callers hear about an outage immediately.
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.ClientName ??= "peerrooms";
        return config;
    }

    public async Task<IDatabase> DatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    public async Task<ISubscriber> SubscriberAsync() => (await _multiplexer.Value).GetSubscriber();

    public Task<IConnectionMultiplexer> MultiplexerAsync() => _multiplexer.Value;

    /// <summary>Whether the multiplexer exists and is connected right now (no I/O; for metrics).</summary>
    public bool IsConnected => _multiplexer.IsValueCreated && _multiplexer.Value is { IsCompletedSuccessfully: true } m && m.Result.IsConnected;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated) await (await _multiplexer.Value).DisposeAsync();
    }
}
