using MessagePack;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Filters;
using PeerRooms.Server.Http;
using PeerRooms.Server.Hosting.Shutdown;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Wire;
using PeerRooms.Server.Persistence;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Telemetry;
using StackExchange.Redis;

namespace PeerRooms.Server.Hosting;

/// <summary>All of the server's wiring, so Program.cs stays short.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddPeerRooms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOptions<PeerRoomsOptions>().Bind(config.GetSection(PeerRoomsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PeerRoomsOptions>, PeerRoomsOptionsValidator>();
        // Dev tokens default to on in Development; an explicit setting wins either way.
        services.PostConfigure<PeerRoomsOptions>(o =>
        {
            if (config[$"{PeerRoomsOptions.Section}:Auth:DevTokens"] is null) o.Auth.DevTokens = builder.Environment.IsDevelopment();
        });
        var options = config.GetSection(PeerRoomsOptions.Section).Get<PeerRoomsOptions>() ?? new PeerRoomsOptions();
        var node = NodeIdentity.ForThisProcess(options.NodeId);
        builder.AddPeerRoomsLogging();
        services.AddPeerRoomsTelemetry(options, node, config);
        services.AddPeerRoomsShutdown(options);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IIdGenerator, RandomIdGenerator>();
        services.AddSingleton(node);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PeerRoomsOptions>>().Value.Limits.ToChatLimits());
        services.AddSingleton<RoomChatService>();
        services.AddSingleton<RoomBroadcaster>();
        services.AddSingleton<MessageObservers>();
        services.AddSingleton<IMessageObserver, MessageMetricsObserver>();

        services.AddPeerRoomsAuthentication();
        services.AddProblemDetails();
        services.AddExceptionHandler<PeerRoomsExceptionHandler>();
        services.AddOpenApi();

        services.AddDurableStore(config);
        services.AddLiveState(options);
        services.AddDisclosure(options);
        services.AddPeerRoomsCrisis(config);

        services.AddSingleton<NodeConnections>(); // admission, admin disconnect and shutdown share it
        // Hub filters are stateless: registered as singletons, SignalR resolves them instead of
        // constructing every filter (and resolving its dependencies) on each hub call.
        services.AddSingleton<HubTelemetryFilter>();
        services.AddSingleton<ConnectionTrackingFilter>();
        services.AddSingleton<ErrorTranslationFilter>();
        var signalR = services.AddSignalR(hub =>
            {
                hub.EnableDetailedErrors = false;
                hub.MaximumReceiveMessageSize = options.Limits.MaximumReceiveMessageSize;
                hub.MaximumParallelInvocationsPerClient = options.Limits.MaximumParallelInvocationsPerClient;
                // Filters run in the order added: telemetry outermost, so it sees translated error codes.
                hub.AddFilter<HubTelemetryFilter>();
                hub.AddFilter<ConnectionTrackingFilter>();
                hub.AddFilter<ErrorTranslationFilter>();
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.OmitMessageViewDefaults())
            .AddMessagePackProtocol(mp =>
            {
                // UntrustedData: hash-collision resistant maps and a nesting depth limit.
                mp.SerializerOptions = mp.SerializerOptions.WithSecurity(MessagePackSecurity.UntrustedData)
                    .WithResolver(MessageViewFormatter.Around(mp.SerializerOptions.Resolver));
            });
        services.AddPeerRoomsSecurity(options); // its filters run before the features' (admission, rate limits, membership)
        services.AddPeerRoomsModeration(options);
        services.AddPeerRoomsVideo(config);
        services.AddPeerRoomsVideoProvider(config);
        services.AddPeerRoomsFeatureMetrics(); // after the features it meters
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            // The backplane is at-most-once and keeps nothing; see docs/architecture.md.
            signalR.AddStackExchangeRedis(redis =>
            {
                redis.Configuration = RedisConnection.CreateConfiguration(options.Redis);
                redis.Configuration.ChannelPrefix = RedisChannel.Literal(new RedisKeys(options.RedisPrefix).BackplaneChannelPrefix);
            });
        }
        return builder;
    }

    public static WebApplication MapPeerRooms(this WebApplication app)
    {
        app.UseShutdownGate();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UsePeerRoomsSecurity();
        // UseAuthentication(), except that hub WebSockets keep less for their whole life (see the class).
        HubConnectionAuthentication.UseIn(app);
        app.UseAuthorization();
        app.UseHubTokenScrubbing();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealth();
        app.MapPeerRoomsMetrics();
        app.MapDevTokens();
        app.MapRooms();
        app.MapModeration();
        app.MapTranscripts();
        app.MapWebApp();
        app.MapPeerRoomsSecurity();
        app.MapHub<RoomHub>(Core.Contracts.HubPaths.Rooms, o => o.CloseOnAuthenticationExpiration = true);
        app.MapPeerRoomsCrisis();
        return app;
    }
}
