using Microsoft.Extensions.Options;
using PeerRooms.Core.Video;

namespace PeerRooms.Server.Hosting;

public static class VideoRegistration
{
    /// <summary>Video session (server slice): node-local membership registry, ICE config, the session service.</summary>
    public static IServiceCollection AddPeerRoomsVideo(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VideoOptions>().Bind(config.GetSection(VideoOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VideoOptions>, VideoOptionsValidator>();
        services.AddSingleton<VideoSessionRegistry>();
        services.AddSingleton(sp => new VideoLimits(sp.GetRequiredService<IOptions<VideoOptions>>().Value.MaxVideoPublishers));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<VideoOptions>>().Value;
            return new IceConfig(o.IceServers, o.Turn.Secret, o.Turn.Urls, TimeSpan.FromSeconds(o.Turn.TtlSeconds));
        });
        services.AddSingleton<VideoSessionService>();
        return services;
    }
}
