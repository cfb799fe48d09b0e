using Microsoft.Extensions.Options;
using PeerRooms.Core.Video;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;

namespace PeerRooms.Server.Hosting;

public static class VideoRegistration
{
    /// <summary>
    /// Video session: the membership store (in this process, or shared in Redis when <c>PeerRooms:Redis</c>
    /// is set, like the other live state), ICE config, the session and facilitator services, the fan-out.
    /// </summary>
    public static IServiceCollection AddPeerRoomsVideo(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VideoOptions>().Bind(config.GetSection(VideoOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VideoOptions>, VideoOptionsValidator>();
        services.AddSingleton<IVideoSessionStore>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<PeerRoomsOptions>>().Value.Redis)
            ? new InMemoryVideoSessionStore()
            : new RedisVideoSessionStore(sp.GetRequiredService<RedisConnection>()));
        services.AddSingleton(sp => new VideoLimits(sp.GetRequiredService<IOptions<VideoOptions>>().Value.MaxVideoPublishers));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<VideoOptions>>().Value;
            return new IceConfig(o.IceServers, o.Turn.Secret, o.Turn.Urls, TimeSpan.FromSeconds(o.Turn.TtlSeconds));
        });
        services.AddSingleton<VideoSessionService>();
        services.AddSingleton<VideoModerationService>();
        services.AddSingleton<VideoDepartures>();
        services.AddSingleton<VideoTools>();
        return services;
    }
}
