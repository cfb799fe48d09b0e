using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Video;

/// <summary>
/// The server side of a room's video session: membership, publishing state and the signalling gate.
/// Guarantees: only admitted room members (checked in shared presence on every call) join, publish or
/// signal; a signal is relayed only between two members of the same room's video session who are both
/// admitted right now; a medium a facilitator forced off cannot be turned on, nor offered in SDP
/// (<c>media_forced_off</c>); at most <see cref="VideoLimits.MaxVideoPublishers"/> publish video, the
/// rest are audio-only (<see cref="VideoPublishingRules"/>). Membership lives in
/// <see cref="IVideoSessionStore"/> (shared across nodes when scaled out); forced-off flags live in
/// the moderation state (<see cref="IMediaControlState"/>), and what members publish is mirrored there.
/// </summary>
public sealed class VideoSessionService(IPresenceStore presence, IMediaControlState media, IVideoSessionStore store, IRoomRepository rooms, VideoLimits limits)
{
    public int MaxVideoPublishers => limits.MaxVideoPublishers;

    public static readonly IReadOnlySet<string> SignalKinds = new HashSet<string> { "offer", "answer", "ice" };

    /// <summary>Joins the caller (idempotent). Mic and camera start as the room policy says (off by default), never a forced-off medium, video subject to the cap.</summary>
    public async Task<VideoJoin> JoinAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var me = await RequireAdmittedAsync(roomId, caller.UserId, ct);
        var room = await rooms.GetAsync(roomId!, ct) ?? throw PeerRoomsException.NotFound("room not found");
        var control = await media.GetAsync(room.Id, me.UserId, ct);
        var candidate = new VideoMember(me.UserId, me.ParticipantId, Audio: room.Policy.VideoMicOnEntry && !control.MicForcedOff)
        {
            WantsVideo = room.Policy.VideoCameraOnEntry && !control.CameraForcedOff,
        };
        // Self-healing: departures drop people from video best effort; anyone listed who is not (or no longer,
        // or under another participant id) an admitted member is dropped here, so they neither hold a video slot
        // nor show up in the members list. That includes a stale entry of the caller's own. Video members are read
        // BEFORE the roster: anyone in video was admitted before joining it, so a concurrent joiner is never taken for stale.
        var listed = await store.MembersAsync(room.Id, ct);
        var roster = (await presence.GetRosterAsync(room.Id, ct)).Where(p => p.IsAdmitted).ToDictionary(p => p.UserId, p => p.ParticipantId);
        foreach (var stale in listed.Where(v => roster.GetValueOrDefault(v.UserId) != v.ParticipantId))
            await store.LeaveAsync(room.Id, stale.UserId, onlyParticipantId: stale.ParticipantId, ct: ct);
        var join = await store.JoinAsync(room.Id, candidate, limits.MaxVideoPublishers, ct);
        var self = join.Member;
        var members = join.Members;
        ModerationResult? mirror = null;
        if (join.IsNew)
        {
            self = await EnforceForcedOffAsync(room.Id, self, ct);
            members = members.Select(m => m.UserId == self.UserId ? self : m).ToArray();
            mirror = await MirrorAsync(room, [self], ct);
        }
        var controls = await media.GetAllAsync(room.Id, ct);
        return new VideoJoin(self.ToView(room.Id, controls.GetValueOrDefault(self.UserId)),
            members.Select(m => m.ToView(room.Id, controls.GetValueOrDefault(m.UserId))).ToArray(),
            join.IsNew, mirror);
    }

    /// <summary>The caller leaves the video session (they stay in the room); <c>forbidden</c> when they were not in it.</summary>
    public async Task<VideoDeparture> LeaveAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var id = InputRules.RequireId(roomId, "roomId");
        return await DropAsync(id, caller.UserId, ct) ?? throw PeerRoomsException.Forbidden("you are not in this room's video session");
    }

    /// <summary>Drops a user from the room's video session (left the room, removed, sent to the lobby, node died); null when they were not in it.</summary>
    public async Task<VideoDeparture?> DropAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var left = await store.LeaveAsync(roomId, userId, ct: ct);
        if (left is null) return null;
        var stopped = left with { Audio = false, Video = false, WantsVideo = false };
        // Mirror "publishes nothing" into micOn/cameraOn; the caller decides whether members hear of it now.
        var room = await rooms.GetAsync(roomId, ct);
        var mirror = room is null ? null : await MirrorAsync(room, [stopped], ct);
        return new VideoDeparture(roomId, userId, stopped.ToView(roomId, await media.GetAsync(roomId, userId, ct)), mirror);
    }

    /// <summary>
    /// Sets what the caller publishes (null = leave that medium as it is). Turning on a forced-off medium
    /// is <c>media_forced_off</c>; video beyond the cap is simply not granted (the returned view says video:false).
    /// </summary>
    public async Task<VideoUpdate> SetPublishingAsync(Caller caller, string? roomId, bool? audio, bool? video, CancellationToken ct = default)
    {
        var me = await RequireAdmittedAsync(roomId, caller.UserId, ct);
        return await SetPublishingOfAsync(me, roomId!, audio, video, ct) ?? throw PeerRoomsException.Forbidden("join the video session first");
    }

    /// <summary>
    /// The moderation <c>SetMediaState</c> call of a video member: the same as SetPublishing for that one
    /// medium, so the two never disagree. Null when the caller is not in the video session (then only the
    /// moderation state records it).
    /// </summary>
    public async Task<VideoUpdate?> SetOwnMediumAsync(Caller caller, string? roomId, string? kind, bool on, CancellationToken ct = default)
    {
        var k = MediaKinds.Require(kind);
        var me = await RequireAdmittedAsync(roomId, caller.UserId, ct);
        if (await store.GetAsync(roomId!, me.UserId, ct) is null) return null;
        return await SetPublishingOfAsync(me, roomId!, k == MediaKinds.Mic ? on : null, k == MediaKinds.Camera ? on : null, ct);
    }

    private async Task<VideoUpdate?> SetPublishingOfAsync(Participant me, string roomId, bool? audio, bool? video, CancellationToken ct)
    {
        if (await store.GetAsync(roomId, me.UserId, ct) is null) return null;
        if (audio == true && !await media.MayTurnOnAsync(roomId, me.UserId, MediaKinds.Mic, ct))
            throw new PeerRoomsException(ErrorCodes.MediaForcedOff, "a facilitator turned your mic off; ask to unmute");
        if (video == true && !await media.MayTurnOnAsync(roomId, me.UserId, MediaKinds.Camera, ct))
            throw new PeerRoomsException(ErrorCodes.MediaForcedOff, "a facilitator turned your camera off; ask to unmute");
        var change = await store.SetPublishingAsync(roomId, me.UserId, audio, video, limits.MaxVideoPublishers, ct);
        if (change is null) return null;
        // A facilitator may have forced a medium off between the check and the write: re-check after it.
        change = change with { Member = await EnforceForcedOffAsync(roomId, change.Member, ct) };
        return await UpdateAsync(roomId, change, ct);
    }

    /// <summary>Views, the micOn/cameraOn mirror and the events for a store change.</summary>
    public async Task<VideoUpdate> UpdateAsync(string roomId, VideoStoreChange change, CancellationToken ct = default)
    {
        var room = await rooms.GetAsync(roomId, ct) ?? throw PeerRoomsException.NotFound("room not found");
        var changed = new[] { change.Member }.Concat(change.Demoted).ToArray();
        var mirror = await MirrorAsync(room, changed, ct);
        var controls = await media.GetAllAsync(roomId, ct);
        var views = changed.Select(m => m.ToView(roomId, controls.GetValueOrDefault(m.UserId))).ToArray();
        return new VideoUpdate(views[0], views, mirror);
    }

    /// <summary>Switches off whatever <paramref name="member"/> publishes that a facilitator has forced off.</summary>
    public async Task<VideoMember> EnforceForcedOffAsync(string roomId, VideoMember member, CancellationToken ct = default)
    {
        var control = await media.GetAsync(roomId, member.UserId, ct);
        var micOff = member.Audio && control.MicForcedOff;
        var cameraOff = (member.Video || member.WantsVideo) && control.CameraForcedOff;
        if (!micOff && !cameraOff) return member;
        var change = await store.SetPublishingAsync(roomId, member.UserId, micOff ? false : null, cameraOff ? false : null, limits.MaxVideoPublishers, ct);
        return change?.Member ?? member;
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
        var sdp = kind == "ice" ? null : SdpMediaDirections.FromSignalPayload(payload);

        var from = await store.GetAsync(id, caller.UserId, ct);
        var target = (await store.MembersAsync(id, ct)).FirstOrDefault(m => m.ParticipantId == to);
        if (from is null || target is null || target.UserId == caller.UserId) throw Refused();
        var fromNow = await presence.GetAsync(id, from.UserId, ct);
        var targetNow = await presence.GetAsync(id, target.UserId, ct);
        if (fromNow is not { IsAdmitted: true } || targetNow is not { IsAdmitted: true } || targetNow.ParticipantId != to) throw Refused();

        // The renegotiation gate: a member may not offer (or answer with) a medium a facilitator forced off.
        if (sdp is { SendsAudio: true } or { SendsVideo: true })
        {
            var control = await media.GetAsync(id, caller.UserId, ct);
            if (sdp.SendsAudio && control.MicForcedOff)
                throw new PeerRoomsException(ErrorCodes.MediaForcedOff, "a facilitator turned your mic off: renegotiate with audio recvonly");
            if (sdp.SendsVideo && control.CameraForcedOff)
                throw new PeerRoomsException(ErrorCodes.MediaForcedOff, "a facilitator turned your camera off: renegotiate with video recvonly");
        }
        return new SignalRoute(from, target);
    }

    private async Task<ModerationResult?> MirrorAsync(Room room, IReadOnlyList<VideoMember> members, CancellationToken ct)
    {
        var state = await media.RecordPublishingAsync(room.Id, members.Select(m => new PublishedMedia(m.UserId, m.Audio, m.Video)).ToArray(), ct);
        return state is null ? null : new ModerationResult(room) { State = state };
    }

    private async Task<Participant> RequireAdmittedAsync(string? roomId, string userId, CancellationToken ct)
    {
        var id = InputRules.RequireId(roomId, "roomId");
        var p = await presence.GetAsync(id, userId, ct) ?? throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
        return p.IsAdmitted ? p : throw new PeerRoomsException(ErrorCodes.InLobby, "you are waiting in the lobby");
    }

    private static PeerRoomsException Refused() => PeerRoomsException.Forbidden("both sides must be admitted members of this room's video session");
}
