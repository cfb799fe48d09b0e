using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;

namespace PeerRooms.Core.Moderation;

/// <summary>A share timer that just ended, claimed exactly once across nodes.</summary>
public sealed record ShareTimerEnd(Rooms.Room Room, FloorState Floor, DateTimeOffset EndedAt);

/// <summary>
/// Raised hands and the speaking floor. Participants raise and lower their hands (a queue, first
/// raised first); facilitators give the floor to the next person or someone chosen, optionally with
/// a share timer: clients get its end time and count down themselves, and a gentle notice
/// (ShareTimerEnded) goes out once when it runs out.
/// </summary>
public sealed class FloorService(ModerationContext m)
{
    public const int MaxShareSeconds = 3600;

    public async Task<ModerationResult> RaiseHandAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var me = await m.RequireAdmittedAsync(roomId, caller, ct);
        var room = await m.RequireRoomAsync(roomId!, ct);
        var now = m.Now;
        var state = await m.Store.UpdateAsync(room.Id, s => s.Hands.Any(h => h.UserId == me.UserId) ? s
            : s with { Hands = [.. s.Hands, new HandEntry(me.UserId, me.ParticipantId, now)] }, ct);
        return new ModerationResult(room) { State = state };
    }

    public async Task<ModerationResult> LowerHandAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var me = await m.RequireMemberAsync(roomId, caller, ct);
        var room = await m.RequireRoomAsync(roomId!, ct);
        var state = await m.Store.UpdateAsync(room.Id, s => s.Hands.Any(h => h.UserId == me.UserId)
            ? s with { Hands = s.Hands.Where(h => h.UserId != me.UserId).ToArray() } : s, ct);
        return new ModerationResult(room) { State = state };
    }

    /// <summary>A facilitator lowers someone else's hand.</summary>
    public async Task<ModerationResult> LowerHandOfAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        await m.AuditAsync(f, AuditActions.HandLowered, target, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Hands = s.Hands.Where(h => h.UserId != target.UserId).ToArray() }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>A facilitator lowers every raised hand at once (e.g. after answering a round of questions).</summary>
    public async Task<ModerationResult> LowerAllHandsAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.AllHandsLowered, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s.Hands.Count == 0 ? s : s with { Hands = [] }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>Gives the floor (to the first raised hand when no participant is named), with a share timer when <paramref name="shareSeconds"/> &gt; 0.</summary>
    public async Task<ModerationResult> GiveFloorAsync(Caller caller, string? roomId, string? participantId, int shareSeconds, CancellationToken ct = default)
    {
        if (shareSeconds is < 0 or > MaxShareSeconds) throw PeerRoomsException.Invalid($"shareSeconds must be 0-{MaxShareSeconds}");
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var current = await m.Store.GetAsync(f.Room.Id, ct);
        var pid = string.IsNullOrEmpty(participantId)
            ? current.Hands.FirstOrDefault()?.ParticipantId ?? throw PeerRoomsException.Invalid("no hands are raised")
            : participantId;
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, pid, ct);
        if (!target.IsAdmitted) throw new PeerRoomsException(ErrorCodes.InLobby, "that participant waits in the lobby");
        await m.AuditAsync(f, AuditActions.FloorGiven, target, detail: $"shareSeconds={shareSeconds}", ct: ct);
        var now = m.Now;
        var floor = new FloorState(target.UserId, target.ParticipantId, now, shareSeconds > 0 ? now.AddSeconds(shareSeconds) : null, m.Ids.NewId("t_"), false);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with
        {
            Floor = floor,
            Hands = s.Hands.Where(h => h.UserId != target.UserId).ToArray(),
        }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    public async Task<ModerationResult> ClearFloorAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.FloorCleared, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Floor = null }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>
    /// Called when a share timer's end time is reached. Returns the end exactly once per timer across
    /// all nodes (an atomic claim in shared state); null when the timer was replaced, cleared, or
    /// already claimed, or has not ended yet.
    /// </summary>
    public async Task<ShareTimerEnd?> CompleteShareTimerAsync(string roomId, string timerId, CancellationToken ct = default)
    {
        var now = m.Now;
        var claimed = false;
        var state = await m.Store.UpdateAsync(roomId, s =>
        {
            claimed = false;
            if (s.Floor is not { TimerEnded: false, EndsAt: { } endsAt } floor || floor.TimerId != timerId || endsAt > now) return s;
            claimed = true;
            return s with { Floor = floor with { TimerEnded = true } };
        }, ct);
        if (!claimed) return null;
        var room = await m.RequireRoomAsync(roomId, ct);
        return new ShareTimerEnd(room, state.Floor!, now);
    }
}
