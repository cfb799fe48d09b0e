using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Core.Video;

/// <summary>A person a facilitator took out of the video session: VideoRemoved to all their connections, VideoMemberLeft to the room.</summary>
public sealed record VideoRemoval(VideoDeparture Departure);

/// <summary>
/// Facilitator powers over the video session, with the same checks as the other facilitator tools
/// (<see cref="FacilitatorGuard"/>: an admitted facilitator of the room, read from shared presence;
/// <c>forbidden</c> otherwise) and an audit row written before the change. Also applies a
/// facilitator's ForceMediaOff / AllowMedia to the video session, so the target's client is told to
/// stop sending (VideoMemberUpdated with the forced flag) and every peer sees it.
/// </summary>
public sealed class VideoModerationService(ModerationContext m, IVideoSessionStore store, IMediaControlState media, VideoSessionService video, VideoLimits limits)
{
    /// <summary>Drops a participant from the video session (they stay in the room and may join video again). Not facilitators, not oneself.</summary>
    public async Task<VideoRemoval> RemoveAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        if (await store.GetAsync(f.Room.Id, target.UserId, ct) is null) throw PeerRoomsException.NotFound("that participant is not in the video session");
        await m.AuditAsync(f, AuditActions.RemovedFromVideo, target, ct: ct);
        var departure = await video.DropAsync(f.Room.Id, target.UserId, ct) ?? throw PeerRoomsException.NotFound("that participant is not in the video session");
        return new VideoRemoval(departure);
    }

    /// <summary>
    /// Spotlights a video member (anyone, facilitators included) or takes the spotlight away. A
    /// spotlighted member who wants video gets it even when the cap is full: the most recently granted
    /// non-spotlighted publisher is demoted to audio-only (→ VideoMemberUpdated for them too).
    /// </summary>
    public async Task<VideoUpdate> SetSpotlightAsync(Caller caller, string? roomId, string? participantId, bool on, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        if (await store.GetAsync(f.Room.Id, target.UserId, ct) is null) throw PeerRoomsException.NotFound("that participant is not in the video session");
        await m.AuditAsync(f, on ? AuditActions.VideoSpotlightOn : AuditActions.VideoSpotlightOff, target, ct: ct);
        var mayVideo = await media.MayTurnOnAsync(f.Room.Id, target.UserId, MediaKinds.Camera, ct);
        var change = await store.SetSpotlightAsync(f.Room.Id, target.UserId, on, mayVideo, limits.MaxVideoPublishers, ct)
                     ?? throw PeerRoomsException.NotFound("that participant is not in the video session");
        return await video.UpdateAsync(f.Room.Id, change, ct);
    }

    /// <summary>
    /// After ForceMediaOff / AllowMedia on <paramref name="participantId"/>: switches a forced-off medium
    /// off in the video session and returns the member's new view (forced flags as the moderation state
    /// says). Null when they are not in the video session.
    /// </summary>
    public async Task<VideoUpdate?> ApplyMediaControlAsync(string roomId, string participantId, CancellationToken ct = default)
    {
        var member = (await store.MembersAsync(roomId, ct)).FirstOrDefault(v => v.ParticipantId == participantId);
        if (member is null) return null;
        var enforced = await video.EnforceForcedOffAsync(roomId, member, ct);
        return await video.UpdateAsync(roomId, new VideoStoreChange(enforced, []), ct);
    }
}
