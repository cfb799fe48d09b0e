using Microsoft.Extensions.Options;
using PeerRooms.Core.Video;

namespace PeerRooms.Server.Hosting;

public static class VideoProviderRegistration
{
    /// <summary>The video provider chosen by PeerRooms:Video:Provider (mesh by default, or LiveKit) and the service that asks it.</summary>
    public static IServiceCollection AddPeerRoomsVideoProvider(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<VideoProviderOptions>().Bind(config.GetSection(VideoOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VideoProviderOptions>, VideoProviderOptionsValidator>();
        services.AddSingleton<MeshVideoProvider>();
        services.AddSingleton<IVideoProvider>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<VideoProviderOptions>>().Value;
            return o.Provider == VideoProviders.LiveKit
                ? new LiveKitVideoProvider(o.ToLiveKitSettings(), sp.GetRequiredService<TimeProvider>())
                : sp.GetRequiredService<MeshVideoProvider>();
        });
        services.AddSingleton<VideoConnectService>();
        return services;
    }
}
