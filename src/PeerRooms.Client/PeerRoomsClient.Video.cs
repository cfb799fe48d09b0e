using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

// Video (docs/protocol.md "Video"): the video session's membership, publishing and WebRTC signalling,
// and the facilitator's video powers. Media itself never goes through this client: a mesh client feeds
// the signals to its RTCPeerConnections; with an SFU (JoinVideoResponse.Sfu) it connects there instead.
// Video membership is not restored after a reconnect: call JoinVideoAsync again once RoomRejoined fires.
public sealed partial class PeerRoomsClient
{
    /// <summary>Someone joined a room's video session (to the room's members).</summary>
    public event Action<VideoMemberView>? VideoMemberJoined;

    /// <summary>Someone left a room's video session, or was dropped from it: close that peer connection.</summary>
    public event Action<VideoMemberView>? VideoMemberLeft;

    /// <summary>
    /// A video member's state changed: what they publish, forced-off flags, spotlight. When it is this
    /// participant and a medium turned off (force-off, or demoted by the cap), stop sending it at once.
    /// </summary>
    public event Action<VideoMemberView>? VideoMemberUpdated;

    /// <summary>A WebRTC offer, answer or ICE candidate from another video member, for this participant only. Filter by room id.</summary>
    public event Action<VideoSignalEvent>? Signal;

    /// <summary>A facilitator took this participant out of the video session (they stay in the room): close every peer connection, stop local tracks.</summary>
    public event Action<VideoRemovedEvent>? VideoRemoved;

    /// <summary>
    /// Joins the room's video session (idempotent; mic and camera start as the room policy says, off by
    /// default). Returns the members, this participant's own state, the provider (<c>"mesh"</c> with ICE
    /// servers, or an SFU with its url and token) and the publisher cap. Refused with <c>not_member</c> or
    /// <c>in_lobby</c>. Do not log the response: it carries TURN credentials or an SFU token.
    /// </summary>
    public Task<JoinVideoResponse> JoinVideoAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<JoinVideoResponse>("JoinVideo", [roomId], ct);

    /// <summary>Leaves the room's video session (stays in the room); <c>forbidden</c> when not in it.</summary>
    public Task LeaveVideoAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync("LeaveVideo", [roomId], ct);

    /// <summary>
    /// Asks to publish audio and/or video; returns what was granted. Video beyond the publisher cap comes
    /// back as <c>video: false</c> (publish audio only); a medium a facilitator forced off is refused with
    /// <c>media_forced_off</c>.
    /// </summary>
    public Task<VideoMemberView> SetPublishingAsync(string roomId, bool audio, bool video, CancellationToken ct = default)
        => InvokeAsync<VideoMemberView>("SetPublishing", [roomId, audio, video], ct);

    /// <summary>
    /// Relays a WebRTC signal to one other video member of the room. <paramref name="kind"/> is
    /// <c>"offer"</c>, <c>"answer"</c> or <c>"ice"</c>; <paramref name="payload"/> is
    /// <c>{"type":"offer"|"answer","sdp":"…"}</c> for offers and answers, an RTCIceCandidateInit as JSON for
    /// <c>ice</c> (at most 16384 characters). An SDP that would send a forced-off medium is refused with
    /// <c>media_forced_off</c>; a target that is not an admitted video member of the room with <c>forbidden</c>.
    /// </summary>
    public Task SendSignalAsync(string roomId, string toParticipantId, string kind, string payload, CancellationToken ct = default)
        => InvokeAsync("SendSignal", [roomId, toParticipantId, kind, payload], ct);

    /// <summary>Facilitators: takes a participant out of the video session (they stay in the room and get <see cref="VideoRemoved"/>).</summary>
    public Task RemoveFromVideoAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync("RemoveFromVideo", [roomId, participantId], ct);

    /// <summary>Facilitators: spotlights a video member (or not); a spotlighted member's video takes precedence over the cap. Returns their state.</summary>
    public Task<VideoMemberView> SetVideoSpotlightAsync(string roomId, string participantId, bool on, CancellationToken ct = default)
        => InvokeAsync<VideoMemberView>("SetVideoSpotlight", [roomId, participantId, on], ct);

    private void RegisterVideoEvents()
    {
        _connection.On<VideoMemberView>(VideoEvents.VideoMemberJoined, e => { lock (_delivery) Raise(VideoEvents.VideoMemberJoined, VideoMemberJoined, e); });
        _connection.On<VideoMemberView>(VideoEvents.VideoMemberLeft, e => { lock (_delivery) Raise(VideoEvents.VideoMemberLeft, VideoMemberLeft, e); });
        _connection.On<VideoMemberView>(VideoEvents.VideoMemberUpdated, e => { lock (_delivery) Raise(VideoEvents.VideoMemberUpdated, VideoMemberUpdated, e); });
        _connection.On<VideoSignalEvent>(VideoEvents.Signal, e => { lock (_delivery) Raise(VideoEvents.Signal, Signal, e); });
        _connection.On<VideoRemovedEvent>(VideoEvents.VideoRemoved, e => { lock (_delivery) Raise(VideoEvents.VideoRemoved, VideoRemoved, e); });
    }
}
