using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;
using PeerRooms.Server.State.Redis;

namespace PeerRooms.Server.Security;

/// <summary>
/// Closes every hub connection of a user on every node: aborts this node's at once, then (when
/// scaled out) publishes the user id on <see cref="RedisKeys.UserDisconnectChannel"/>, where
/// <see cref="RedisDisconnectRelay"/> on each node aborts theirs. Pub/sub is at-most-once: a node
/// that misses the signal keeps the connection until the token expires or the user reconnects, and
/// the block list (checked on every connect and HTTP request) is what keeps a blocked user out.
/// </summary>
public sealed class UserDisconnector(NodeConnections registry, ILogger<UserDisconnector> logger, RedisConnection? redis = null)
{
    /// <summary>Aborts the local connections and signals the other nodes; returns how many were local.</summary>
    public async Task<int> DisconnectEverywhereAsync(string userId)
    {
        var local = registry.AbortAll(userId);
        if (redis is not null)
        {
            try
            {
                var subscriber = await redis.SubscriberAsync();
                await subscriber.PublishAsync(redis.Keys.UserDisconnectChannel, userId);
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                SecurityLog.DisconnectSignalFailed(logger, ex.GetType().Name);
                throw new Core.Errors.PeerRoomsException(Core.Errors.ErrorCodes.Unavailable, "the other nodes could not be told; try again");
            }
        }
        return local;
    }
}

/// <summary>Hears other nodes' disconnect signals and aborts the user's connections held here.</summary>
public sealed class RedisDisconnectRelay(
    RedisConnection redis, NodeConnections registry, Core.Security.IUserBlockList blocks, ILogger<RedisDisconnectRelay> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var subscriber = await redis.SubscriberAsync();
            await subscriber.SubscribeAsync(redis.Keys.UserDisconnectChannel, (_, value) =>
            {
                var userId = value.ToString();
                if (string.IsNullOrEmpty(userId)) return;
                // A block usually comes with the signal: forget the cached answer before the
                // aborted client reconnects, so the block applies here at once.
                (blocks as RedisUserBlockList)?.Forget(userId);
                var count = registry.AbortAll(userId);
                if (count > 0) SecurityLog.RemoteDisconnect(logger, userId, count);
            });
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The multiplexer reconnects and restores subscriptions it knows; one that never
            // registered is not restored, so say so loudly.
            SecurityLog.DisconnectSignalFailed(logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
