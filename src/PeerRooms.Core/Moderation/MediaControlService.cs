using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Moderation;

/// <summary>A request addressed to some connections (ask-to-turn-off for the target, ask-to-unmute for facilitators).</summary>
public sealed record MediaRequestOutcome(string RoomId, Participant Participant, IReadOnlyList<ConnectionRef> Connections, string Kind);

/// <summary>
/// Mic and camera controls. A facilitator may ask a participant to turn one off, or force it off;
/// a forced-off device stays off (<c>media_forced_off</c>) until a facilitator allows it again.
/// Participants report their own device state and may ask facilitators to let them unmute. The
/// state lives in the shared moderation state, where the video feature reads it through
/// <see cref="IMediaControlState"/>.
/// </summary>
public sealed class MediaControlService(ModerationContext m) : IMediaControlState
{
    public async Task<MediaRequestOutcome> RequestOffAsync(Caller caller, string? roomId, string? participantId, string? kind, CancellationToken ct = default)
    {
        var k = MediaKinds.Require(kind);
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        await m.AuditAsync(f, AuditActions.MediaOffRequested, target, detail: $"kind={k}", ct: ct);
        return new MediaRequestOutcome(f.Room.Id, target, await m.Presence.GetConnectionsAsync(f.Room.Id, target.UserId, ct), k);
    }

    public async Task<ModerationResult> ForceOffAsync(Caller caller, string? roomId, string? participantId, string? kind, CancellationToken ct = default)
    {
        var k = MediaKinds.Require(kind);
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        await m.AuditAsync(f, AuditActions.MediaForcedOff, target, detail: $"kind={k}", ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Media = s.Media.With(target.UserId, s.MediaOf(target.UserId).WithForcedOff(k, true)) }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    public async Task<ModerationResult> AllowAsync(Caller caller, string? roomId, string? participantId, string? kind, CancellationToken ct = default)
    {
        var k = MediaKinds.Require(kind);
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        await m.AuditAsync(f, AuditActions.MediaAllowed, target, detail: $"kind={k}", ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Media = s.Media.With(target.UserId, s.MediaOf(target.UserId).WithForcedOff(k, false)) }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>A participant turns their own mic or camera on or off; turning on is refused while forced off.</summary>
    public async Task<ModerationResult> SetOwnAsync(Caller caller, string? roomId, string? kind, bool on, CancellationToken ct = default)
    {
        var k = MediaKinds.Require(kind);
        var me = await m.RequireAdmittedAsync(roomId, caller, ct);
        var room = await m.RequireRoomAsync(roomId!, ct);
        var state = await m.Store.UpdateAsync(room.Id, s =>
        {
            var media = s.MediaOf(me.UserId);
            if (on && media.IsForcedOff(k)) throw new PeerRoomsException(ErrorCodes.MediaForcedOff, $"a facilitator turned your {k} off; ask to unmute");
            return media.IsOn(k) == on ? s : s with { Media = s.Media.With(me.UserId, media.WithOn(k, on)) };
        }, ct);
        return new ModerationResult(room) { State = state };
    }

    /// <summary>A participant asks the facilitators to allow their mic or camera again.</summary>
    public async Task<UnmuteRequestedEvent> AskToUnmuteAsync(Caller caller, string? roomId, string? kind, CancellationToken ct = default)
    {
        var k = MediaKinds.Require(kind);
        var me = await m.RequireAdmittedAsync(roomId, caller, ct);
        return new UnmuteRequestedEvent { RoomId = roomId!, ParticipantId = me.ParticipantId, Kind = k };
    }

    public async Task<MediaControl> GetAsync(string roomId, string userId, CancellationToken ct = default)
        => (await m.Store.GetAsync(roomId, ct)).MediaOf(userId);

    public async Task<IReadOnlyDictionary<string, MediaControl>> GetAllAsync(string roomId, CancellationToken ct = default)
        => (await m.Store.GetAsync(roomId, ct)).Media;

    public async Task<RoomModeration?> RecordPublishingAsync(string roomId, IReadOnlyList<PublishedMedia> published, CancellationToken ct = default)
    {
        var changed = false;
        var state = await m.Store.UpdateAsync(roomId, s =>
        {
            changed = false;
            var media = s.Media;
            foreach (var p in published)
            {
                var current = media.GetValueOrDefault(p.UserId) ?? new MediaControl();
                var next = current with { MicOn = p.MicOn && !current.MicForcedOff, CameraOn = p.CameraOn && !current.CameraForcedOff };
                if (next == current) continue;
                media = media.With(p.UserId, next);
                changed = true;
            }
            return changed ? s with { Media = media } : s;
        }, ct);
        return changed ? state : null;
    }

    public async Task<bool> MayTurnOnAsync(string roomId, string userId, string kind, CancellationToken ct = default)
        => !(await GetAsync(roomId, userId, ct)).IsForcedOff(MediaKinds.Require(kind));
}
