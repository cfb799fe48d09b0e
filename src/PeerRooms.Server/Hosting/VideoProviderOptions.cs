using Microsoft.Extensions.Options;
using PeerRooms.Core.Video;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// PeerRooms:Video:Provider and PeerRooms:Video:LiveKit, bound from the same section as
/// <see cref="VideoOptions"/> (each class reads only its own keys). Validated at start-up, so a node
/// with a half-configured SFU refuses to start instead of failing every JoinVideo.
/// </summary>
public sealed class VideoProviderOptions
{
    /// <summary><c>"mesh"</c> (default) or <c>"livekit"</c>.</summary>
    public string Provider { get; set; } = VideoProviders.Mesh;

    public LiveKitOptions LiveKit { get; set; } = new();

    public sealed class LiveKitOptions
    {
        /// <summary>The LiveKit server clients connect to, <c>wss://…</c> (<c>ws://</c> only for local development).</summary>
        public string? Url { get; set; }

        public string? ApiKey { get; set; }

        /// <summary>Signs the access tokens (HS256). At least 32 characters; keep it in a secret store.</summary>
        public string? ApiSecret { get; set; }

        /// <summary>Token lifetime. LiveKit checks it only at connect time, so keep it short.</summary>
        public int TtlSeconds { get; set; } = 300;

        /// <summary>Prepended to the PeerRooms room id to name the LiveKit room (for a LiveKit project shared with other apps).</summary>
        public string RoomPrefix { get; set; } = "";
    }

    public LiveKitSettings ToLiveKitSettings()
        => new(LiveKit.Url!, LiveKit.ApiKey!, LiveKit.ApiSecret!, TimeSpan.FromSeconds(LiveKit.TtlSeconds), LiveKit.RoomPrefix);
}

public sealed class VideoProviderOptionsValidator : IValidateOptions<VideoProviderOptions>
{
    private const string Prefix = "PeerRooms:Video:";

    public ValidateOptionsResult Validate(string? name, VideoProviderOptions o)
    {
        if (!VideoProviders.All.Contains(o.Provider))
            return ValidateOptionsResult.Fail($"{Prefix}Provider must be one of: {string.Join(", ", VideoProviders.All)}");
        if (o.Provider != VideoProviders.LiveKit) return ValidateOptionsResult.Success;

        var lk = o.LiveKit;
        var failures = new List<string>();
        if (!Uri.TryCreate(lk.Url, UriKind.Absolute, out var url) || url.Scheme is not ("wss" or "ws"))
            failures.Add($"{Prefix}LiveKit:Url must be an absolute wss:// (or ws://) url when Provider is livekit");
        if (string.IsNullOrWhiteSpace(lk.ApiKey)) failures.Add($"{Prefix}LiveKit:ApiKey is required when Provider is livekit");
        if (lk.ApiSecret is null || lk.ApiSecret.Length < 32) failures.Add($"{Prefix}LiveKit:ApiSecret is required and must be at least 32 characters");
        if (lk.TtlSeconds is < 30 or > 3600) failures.Add($"{Prefix}LiveKit:TtlSeconds must be 30-3600");
        if (lk.RoomPrefix.Length > 64) failures.Add($"{Prefix}LiveKit:RoomPrefix must be at most 64 characters");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
