using PeerRooms.Core.Contracts;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Moderation;

/// <summary>
/// Maps <see cref="RoomModeration"/> to the wire. User ids become per-session participant ids via
/// the roster; entries for people no longer present are left out.
/// </summary>
public static class ModerationViews
{
    public static RoomStateView ToView(this RoomModeration s, Room room, IReadOnlyList<Participant> roster, DateTimeOffset now, bool forLobby = false)
    {
        var byUser = roster.ToDictionary(p => p.UserId, p => p.ParticipantId, StringComparer.Ordinal);
        string? Pid(string? userId) => userId is not null && byUser.TryGetValue(userId, out var pid) ? pid : null;
        return new RoomStateView
        {
            RoomId = room.Id,
            Session = s.Session,
            SessionStartedAt = s.SessionStartedAt,
            LeadParticipantId = Pid(s.LeadUserId),
            Locked = s.Locked,
            LockAllowsLobby = s.LockAllowsLobby,
            EveryoneMuted = s.IsEveryoneMuted(now),
            EveryoneMutedUntil = s.IsEveryoneMuted(now) ? s.EveryoneMutedUntil : null,
            Mutes = forLobby ? [] : s.Mutes.Where(m => m.Value is null || m.Value > now)
                .Select(m => (Pid: Pid(m.Key), m.Value)).Where(m => m.Pid is not null)
                .Select(m => new MuteView { ParticipantId = m.Pid!, Until = m.Value }).ToArray(),
            SlowModeSeconds = s.EffectiveSlowModeSeconds(room.Policy),
            Pinned = forLobby ? null : s.Pinned?.ToView(room.Id),
            Floor = forLobby || s.Floor is null ? null
                : new FloorView { ParticipantId = s.Floor.ParticipantId, StartedAt = s.Floor.StartedAt, EndsAt = s.Floor.EndsAt },
            HandQueue = forLobby ? [] : s.Hands.Select(h => h.ParticipantId).ToArray(),
            Media = forLobby ? [] : s.Media.Select(m => (Pid: Pid(m.Key), m.Value)).Where(m => m.Pid is not null)
                .Select(m => new MediaView
                {
                    ParticipantId = m.Pid!, MicOn = m.Value.MicOn, CameraOn = m.Value.CameraOn,
                    MicForcedOff = m.Value.MicForcedOff, CameraForcedOff = m.Value.CameraForcedOff,
                }).ToArray(),
        };
    }
}
