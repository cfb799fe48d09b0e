namespace PeerRooms.Core.Video;

/// <summary>
/// Where the LiveKit SFU is and the credentials to sign its access tokens with. <paramref name="RoomPrefix"/>
/// namespaces PeerRooms rooms in a LiveKit project shared with other applications.
/// </summary>
public sealed record LiveKitSettings(string Url, string ApiKey, string ApiSecret, TimeSpan TokenTtl, string RoomPrefix = "");

/// <summary>
/// The LiveKit SFU provider: each admitted member gets a short-lived LiveKit access token for the
/// LiveKit room <c>RoomPrefix + roomId</c>, identity = their room-scoped participantId (so the SFU, its
/// logs and webhooks never see a user id or display name), subscribe allowed, data channel publishing
/// off (chat stays in PeerRooms, where the disclosure and crisis rules run), and publishing limited to the
/// sources the member may publish right now: <c>microphone</c> unless a facilitator forced the mic off,
/// <c>camera</c> unless forced off or the publisher cap is full. No ICE servers: LiveKit brings its own.
/// </summary>
public sealed class LiveKitVideoProvider(LiveKitSettings settings, TimeProvider time) : IVideoProvider
{
    public string Kind => VideoProviders.LiveKit;

    public Task<VideoConnection> ConnectAsync(VideoConnectRequest request, CancellationToken ct = default)
    {
        var sources = new List<string>(2);
        if (request.MayPublishAudio) sources.Add(LiveKitSources.Microphone);
        if (request.MayPublishVideo) sources.Add(LiveKitSources.Camera);
        var grant = new LiveKitGrant(RoomName(request.RoomId), CanPublish: sources.Count > 0, sources);
        var now = time.GetUtcNow();
        var token = LiveKitAccessToken.Create(settings.ApiKey, settings.ApiSecret, request.ParticipantId, grant, now, settings.TokenTtl);
        return Task.FromResult(new VideoConnection(Kind, [], new SfuJoin(Kind, settings.Url, token, now + settings.TokenTtl)));
    }

    public string RoomName(string roomId) => settings.RoomPrefix + roomId;
}
