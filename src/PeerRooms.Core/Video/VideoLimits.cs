namespace PeerRooms.Core.Video;

/// <summary>Video session limits. A full mesh costs every publisher an upload per viewer, so video publishers are capped.</summary>
public sealed record VideoLimits(int MaxVideoPublishers = 8, int MaxSignalPayloadChars = 16 * 1024);

/// <summary>One STUN/TURN server entry as handed to a browser's RTCPeerConnection.</summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username = null, string? Credential = null);

/// <summary>Where ICE servers come from: static STUN urls plus, when a TURN secret is set, per-user ephemeral TURN credentials.</summary>
public sealed record IceConfig(IReadOnlyList<string> StunUrls, string? TurnSecret, IReadOnlyList<string> TurnUrls, TimeSpan TurnTtl);
