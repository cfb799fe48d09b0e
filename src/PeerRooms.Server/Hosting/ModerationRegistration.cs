using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Moderation;
using PeerRooms.Server.Filters;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Persistence;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;

namespace PeerRooms.Server.Hosting;

/// <summary>Wiring of the facilitator tools (issue 4): stores, Core services, join/send rules, hub filter.</summary>
public static class ModerationRegistration
{
    public static IServiceCollection AddPeerRoomsModeration(this IServiceCollection services, PeerRoomsOptions options)
    {
        // Live state: shared through Redis when configured, so every node enforces the same state.
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            services.AddSingleton<IModerationStore, RedisModerationStore>();
            services.AddSingleton<ISlowModeGate, RedisSlowModeGate>();
        }
        else
        {
            services.AddSingleton<IModerationStore, InMemoryModerationStore>();
            services.AddSingleton<ISlowModeGate, InMemorySlowModeGate>();
        }
        // Durable: permanent bans and the audit log.
        services.AddSingleton<IBanRepository, SqlBanRepository>();
        services.AddSingleton<IAuditLog, SqlAuditLog>();

        services.AddSingleton<FacilitatorGuard>();
        services.AddSingleton<ModerationContext>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<LobbyService>();
        services.AddSingleton<ChatModerationService>();
        services.AddSingleton<SanctionService>();
        services.AddSingleton<MediaControlService>();
        services.AddSingleton<IMediaControlState>(sp => sp.GetRequiredService<MediaControlService>());
        services.AddSingleton<FloorService>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<RoomStateReader>();

        services.AddSingleton<IJoinRule, BanJoinRule>();
        services.AddSingleton<IJoinRule, SessionJoinRule>();
        services.AddSingleton<IJoinRule, LockJoinRule>();
        services.AddSingleton<IJoinRule, LobbyJoinRule>();
        services.AddSingleton<ISendRule, SessionSendRule>();
        services.AddSingleton<ISendRule, MuteSendRule>();
        services.AddSingleton<ISendRule, SlowModeSendRule>();

        services.AddSingleton<RoomMembership>();
        services.AddSingleton<ShareTimers>();
        services.AddSingleton<ModerationBroadcaster>();
        services.AddSingleton<RoomLifecycle>();
        services.AddSingleton<ModerationTools>();
        services.AddSingleton<FacilitatorOnlyFilter>(); // stateless: one instance, not one per hub call
        services.Configure<HubOptions>(hub => hub.AddFilter<FacilitatorOnlyFilter>());
        return services;
    }
}
