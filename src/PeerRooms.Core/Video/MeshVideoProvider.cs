namespace PeerRooms.Core.Video;

/// <summary>
/// The default provider: a full mesh of browser-to-browser connections. The hub relays the WebRTC
/// signals; this provider only hands out ICE servers: the configured STUN urls and, when a TURN secret
/// is set, a TURN REST credential for the caller (<see cref="TurnCredentials"/>) that expires after
/// <see cref="IceConfig.TurnTtl"/>. What a member may publish is enforced by the session state and the
/// signalling gate (SDP checks), not here.
/// </summary>
public sealed class MeshVideoProvider(IceConfig ice, TimeProvider time) : IVideoProvider
{
    public string Kind => VideoProviders.Mesh;

    public Task<VideoConnection> ConnectAsync(VideoConnectRequest request, CancellationToken ct = default)
        => Task.FromResult(new VideoConnection(Kind, IceServersFor(request.UserId), Sfu: null));

    /// <summary>STUN for everyone; TURN only with a secret and urls. The TURN username carries the user id: it stays between PeerRooms and its own TURN server.</summary>
    public IReadOnlyList<IceServer> IceServersFor(string userId)
    {
        var servers = new List<IceServer>();
        if (ice.StunUrls.Count > 0) servers.Add(new IceServer(ice.StunUrls));
        if (!string.IsNullOrEmpty(ice.TurnSecret) && ice.TurnUrls.Count > 0)
        {
            var c = TurnCredentials.Issue(ice.TurnSecret, userId, time.GetUtcNow(), ice.TurnTtl);
            servers.Add(new IceServer(ice.TurnUrls, c.Username, c.Credential));
        }
        return servers;
    }
}
