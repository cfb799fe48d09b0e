using Microsoft.Extensions.Options;

namespace PeerRooms.Server.Hosting;

/// <summary>PeerRooms:Video. ICE servers and the mesh cap; validated at start-up.</summary>
public sealed class VideoOptions
{
    public const string Section = "PeerRooms:Video";

    /// <summary>At most this many participants publish video at once (full mesh); beyond that they are audio-only.</summary>
    public int MaxVideoPublishers { get; set; } = 8;

    /// <summary>Static STUN urls handed to every video member, e.g. <c>stun:stun.example.org:3478</c>.</summary>
    public List<string> IceServers { get; set; } = [];

    public TurnOptions Turn { get; set; } = new();

    public sealed class TurnOptions
    {
        /// <summary>Shared secret with the TURN server (coturn <c>--static-auth-secret</c>); empty = no TURN.</summary>
        public string? Secret { get; set; }
        public List<string> Urls { get; set; } = [];
        public int TtlSeconds { get; set; } = 600;
    }
}

public sealed class VideoOptionsValidator : IValidateOptions<VideoOptions>
{
    public ValidateOptionsResult Validate(string? name, VideoOptions o)
    {
        if (o.MaxVideoPublishers is < 1 or > 64) return ValidateOptionsResult.Fail("PeerRooms:Video:MaxVideoPublishers must be 1-64");
        if (o.Turn.TtlSeconds is < 60 or > 86400) return ValidateOptionsResult.Fail("PeerRooms:Video:Turn:TtlSeconds must be 60-86400");
        if (!string.IsNullOrEmpty(o.Turn.Secret) && o.Turn.Urls.Count == 0) return ValidateOptionsResult.Fail("PeerRooms:Video:Turn:Urls is required when a TURN secret is set");
        return ValidateOptionsResult.Success;
    }
}
