using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Core.Video;

public sealed record VideoJoin(VideoMember Member, IReadOnlyList<VideoMember> Members, IReadOnlyList<IceServer> IceServers, bool IsNew);

public sealed record SignalRoute(VideoMember From, VideoMember To);

/// <summary>
/// The server side of a room's video session: membership, publishing state and the signalling gate.
/// Guarantees: only admitted room members (checked in shared presence on every call) join, publish or
/// signal; a signal is relayed only between two members of the same room's video session who are both
/// admitted right now; a medium a facilitator forced off cannot be turned on (<c>media_forced_off</c>);
/// at most <see cref="VideoLimits.MaxVideoPublishers"/> publish video, the rest are audio-only.
/// </summary>
public sealed class VideoSessionService(IPresenceStore presence, IMediaControlState media, VideoSessionRegistry registry, VideoLimits limits, IceConfig ice, TimeProvider time)
{
    public int MaxVideoPublishers => limits.MaxVideoPublishers;

    public static readonly IReadOnlySet<string> SignalKinds = new HashSet<string> { "offer", "answer", "ice" };

    public async Task<VideoJoin> JoinAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var me = await RequireAdmittedAsync(roomId, caller.UserId, ct);
        var isNew = registry.Get(roomId!, me.UserId) is null;
        var members = registry.Join(roomId!, new VideoMember(me.UserId, me.ParticipantId));
        return new VideoJoin(members.First(m => m.UserId == me.UserId), members, IceServersFor(me.UserId), isNew);
    }

    public async Task<VideoMember> LeaveAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var id = InputRules.RequireId(roomId, "roomId");
        await Task.CompletedTask.WaitAsync(ct);
        return registry.Leave(id, caller.UserId) ?? throw PeerRoomsException.Forbidden("you are not in this room's video session");
    }

    /// <summary>Drops a user from the room's video session (left the room, removed, banned); null when they were not in it.</summary>
    public VideoMember? Drop(string roomId, string userId) => registry.Leave(roomId, userId);

    public async Task<VideoMember> SetPublishingAsync(Caller caller, string? roomId, bool audio, bool video, CancellationToken ct = default)
    {
        var me = await RequireAdmittedAsync(roomId, caller.UserId, ct);
        if (registry.Get(roomId!, me.UserId) is null) throw PeerRoomsException.Forbidden("join the video session first");
        if (audio && !await media.MayTurnOnAsync(roomId!, me.UserId, MediaKinds.Mic, ct))
            throw new PeerRoomsException(ErrorCodes.MediaForcedOff, "a facilitator turned your mic off; ask to unmute");
        if (video && !await media.MayTurnOnAsync(roomId!, me.UserId, MediaKinds.Camera, ct))
            throw new PeerRoomsException(ErrorCodes.MediaForcedOff, "a facilitator turned your camera off; ask to unmute");
        return registry.SetPublishing(roomId!, me.UserId, audio, video, limits.MaxVideoPublishers)
               ?? throw PeerRoomsException.Forbidden("join the video session first");
    }

    /// <summary>Checks a signal and returns who it goes to. Every refusal about membership is <c>forbidden</c>, so it reveals nothing.</summary>
    public async Task<SignalRoute> RouteSignalAsync(Caller caller, string? roomId, string? toParticipantId, string? kind, string? payload, CancellationToken ct = default)
    {
        var id = InputRules.RequireId(roomId, "roomId");
        var to = InputRules.RequireId(toParticipantId, "toParticipantId");
        if (kind is null || !SignalKinds.Contains(kind)) throw PeerRoomsException.Invalid("kind must be \"offer\", \"answer\" or \"ice\"");
        if (payload is null) throw PeerRoomsException.Invalid("payload is required");
        if (payload.Length > limits.MaxSignalPayloadChars)
            throw new PeerRoomsException(ErrorCodes.MessageTooLong, $"payload exceeds {limits.MaxSignalPayloadChars} characters");

        var from = registry.Get(id, caller.UserId);
        var target = registry.Members(id).FirstOrDefault(m => m.ParticipantId == to);
        if (from is null || target is null || target.UserId == caller.UserId) throw Refused();
        var fromNow = await presence.GetAsync(id, from.UserId, ct);
        var targetNow = await presence.GetAsync(id, target.UserId, ct);
        if (fromNow is not { IsAdmitted: true } || targetNow is not { IsAdmitted: true } || targetNow.ParticipantId != to) throw Refused();
        return new SignalRoute(from, target);
    }

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

    private async Task<Participant> RequireAdmittedAsync(string? roomId, string userId, CancellationToken ct)
    {
        var id = InputRules.RequireId(roomId, "roomId");
        var p = await presence.GetAsync(id, userId, ct) ?? throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
        return p.IsAdmitted ? p : throw new PeerRoomsException(ErrorCodes.InLobby, "you are waiting in the lobby");
    }

    private static PeerRoomsException Refused() => PeerRoomsException.Forbidden("both sides must be admitted members of this room's video session");
}
