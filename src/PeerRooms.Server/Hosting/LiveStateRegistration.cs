using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Live;
using PeerRooms.Server.Http;
using PeerRooms.Server.ScaleOut;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Chooses where live state (rosters, history) lives: in this process when <c>PeerRooms:Redis</c>
/// is not set (one node), in Redis when it is (any number of nodes behind a sticky load balancer).
/// Scaled out, each node also keeps a lease so the others can sweep its participants if it dies.
/// </summary>
public static class LiveStateRegistration
{
    public static IServiceCollection AddLiveState(this IServiceCollection services, PeerRoomsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            services.AddSingleton<IPresenceStore, InMemoryPresenceStore>();
            services.AddSingleton<IHistoryStore, InMemoryHistoryStore>();
            services.AddSingleton<ISendStateReader, InMemorySendStateReader>();
            return services;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IReadinessCheck, RedisReadinessCheck>();
        // The SignalR backplane rides on the node's one multiplexer, so /readyz (which watches that
        // connection) also covers fan-out, and an outage and its recovery are one event for both.
        services.AddOptions<RedisOptions>().Configure<RedisConnection>((backplane, connection) =>
            backplane.ConnectionFactory = async _ => await connection.MultiplexerAsync());
        services.AddSingleton<IHistoryStore, RedisHistoryStore>();
        // A send's presence, dedupe and moderation reads in one round trip (moderation keys live with the room's).
        services.AddSingleton<ISendStateReader, RedisSendStateReader>();
        services.AddSingleton<RedisPresenceStore>();
        services.AddSingleton<INodeLeaseStore, RedisNodeLeaseStore>();
        services.AddSingleton<LocalConnections>();
        services.AddSingleton<RoomLeaseRecorder>();
        services.AddSingleton<IPresenceStore>(sp => new LeaseTrackingPresenceStore(
            sp.GetRequiredService<RedisPresenceStore>(), sp.GetRequiredService<LocalConnections>(),
            sp.GetRequiredService<RoomLeaseRecorder>(), sp.GetRequiredService<NodeIdentity>()));

        services.AddOptions<ScaleOutOptions>().BindConfiguration(ScaleOutOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ScaleOutOptions>, ScaleOutOptionsValidator>();
        services.AddSingleton<DeadNodeSweep>();
        services.AddSingleton<NodeLeaseService>();
        services.AddSingleton<DeadNodeSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeLeaseService>());
        services.AddHostedService(sp => sp.GetRequiredService<DeadNodeSweepService>());
        return services;
    }
}
