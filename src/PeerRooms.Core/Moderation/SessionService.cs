using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Moderation;

/// <summary>
/// A room's session: started by a facilitator (or on the first join when the room's policy does not
/// require one), ended by a facilitator for everyone, and never left running without a facilitator
/// in rooms that require one: when the lead leaves another facilitator present becomes lead; when
/// no facilitator is left the session pauses (only facilitators may send) until one returns.
/// </summary>
public sealed class SessionService(ModerationContext m, ISlowModeGate slowMode)
{
    public async Task<ModerationResult> StartAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var current = await m.Store.GetAsync(f.Room.Id, ct);
        if (current.IsOpen) return ModerationResult.Unchanged(f.Room) with { State = current };
        await m.AuditAsync(f, AuditActions.SessionStarted, ct: ct);
        var now = m.Now;
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with
        {
            Session = SessionStatus.Open,
            SessionStartedAt = s.SessionStartedAt ?? now,
            LeadUserId = s.LeadUserId ?? f.Actor.UserId,
        }, ct);

        // People who waited only because the meeting had not started come in now; with a lobby
        // policy (or a lock that keeps the lobby) they keep waiting for a facilitator.
        var changes = new List<ParticipantChange>();
        if (!f.Room.Policy.LobbyEnabled && !state.Locked)
        {
            foreach (var waiting in (await m.Presence.GetRosterAsync(f.Room.Id, ct)).Where(p => !p.IsAdmitted && !state.MustKnock.Contains(p.UserId)))
            {
                var admitted = await m.Presence.UpdateAsync(f.Room.Id, waiting.UserId, p => p with { Status = ParticipantStatus.InRoom }, ct);
                if (admitted is not null)
                    changes.Add(new(ParticipantChangeKinds.Admitted, admitted, await m.Presence.GetConnectionsAsync(f.Room.Id, admitted.UserId, ct)));
            }
        }
        return new ModerationResult(f.Room) { State = state, Changes = changes, LobbyChanged = changes.Count > 0 };
    }

    /// <summary>
    /// Ends the session for everyone (terminal <c>session_ended</c>), wiping live history, presence and
    /// every session-scoped sanction. Permanent bans stay.
    /// </summary>
    public async Task<ModerationResult> EndAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.SessionEnded, ct: ct);
        var roster = await m.Presence.GetRosterAsync(f.Room.Id, ct);
        var changes = new List<ParticipantChange>();
        foreach (var p in roster)
            changes.Add(new(ParticipantChangeKinds.Ejected, p, await m.Presence.GetConnectionsAsync(f.Room.Id, p.UserId, ct), Contracts.CloseReasons.SessionEnded));
        await m.Presence.ClearRoomAsync(f.Room.Id, ct);
        await m.History.ClearAsync(f.Room.Id, ct);
        await m.Store.ClearAsync(f.Room.Id, ct);
        await slowMode.ClearAsync(f.Room.Id, ct);
        return new ModerationResult(f.Room) { Changes = changes };
    }

    /// <summary>After someone joined: a facilitator resumes a paused session and leads if nobody does.</summary>
    public async Task<ModerationResult> OnJoinedAsync(Room room, Participant joined, CancellationToken ct = default)
    {
        if (!joined.IsFacilitator || !joined.IsAdmitted) return ModerationResult.Unchanged(room);
        var current = await m.Store.GetAsync(room.Id, ct);
        if (current.LeadUserId is not null && current.Session != SessionStatus.Paused) return ModerationResult.Unchanged(room);
        var state = await m.Store.UpdateAsync(room.Id, s => s with
        {
            LeadUserId = s.LeadUserId ?? joined.UserId,
            Session = s.Session == SessionStatus.Paused ? SessionStatus.Open : s.Session,
        }, ct);
        return new ModerationResult(room) { State = state };
    }

    /// <summary>After someone's last connection left: drop their hand and floor, hand over the lead, pause if no facilitator is left.</summary>
    public async Task<ModerationResult> OnLeftAsync(string roomId, Participant left, CancellationToken ct = default)
    {
        var room = await m.Rooms.GetAsync(roomId, ct);
        if (room is null) return ModerationResult.Unchanged(new Room { Id = roomId, Name = "" });
        var current = await m.Store.GetAsync(roomId, ct);
        var holdsSomething = current.LeadUserId == left.UserId || current.Hands.Any(h => h.UserId == left.UserId) || current.Floor?.UserId == left.UserId;
        if (!holdsSomething && !left.IsFacilitator) return new ModerationResult(room) { LobbyChanged = !left.IsAdmitted };

        var facilitators = (await m.Presence.GetRosterAsync(roomId, ct))
            .Where(p => p.IsFacilitator && p.IsAdmitted && p.UserId != left.UserId).ToList();
        var requiresFacilitator = room.Policy.RequireFacilitatorToStart;
        var state = await m.Store.UpdateAsync(roomId, s =>
        {
            var next = s.WithoutPresenceOf(left.UserId);
            if (next.LeadUserId == left.UserId || (next.LeadUserId is not null && facilitators.All(p => p.UserId != next.LeadUserId)))
                next = next with { LeadUserId = facilitators.FirstOrDefault()?.UserId };
            if (facilitators.Count == 0 && requiresFacilitator && next.Session == SessionStatus.Open)
                next = next with { Session = SessionStatus.Paused };
            return next;
        }, ct);
        return new ModerationResult(room) { State = state, LobbyChanged = !left.IsAdmitted };
    }

    /// <summary>Makes another facilitator present the lead.</summary>
    public async Task<ModerationResult> HandOverLeadAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        if (!target.IsFacilitator || !target.IsAdmitted) throw PeerRoomsException.Invalid("the lead must be a facilitator in the room");
        await m.AuditAsync(f, AuditActions.LeadHandedOver, target, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { LeadUserId = target.UserId }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>Promotes an admitted participant to co-facilitator for the rest of the session (also after they reconnect).</summary>
    public async Task<ModerationResult> PromoteAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        if (target.IsFacilitator) throw PeerRoomsException.Invalid("already a facilitator");
        if (!target.IsAdmitted) throw new PeerRoomsException(ErrorCodes.InLobby, "admit them before promoting them");
        await m.AuditAsync(f, AuditActions.Promoted, target, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { CoFacilitators = s.CoFacilitators.With(target.UserId) }, ct);
        var promoted = await m.Presence.UpdateAsync(f.Room.Id, target.UserId, p => p with { RoomRole = RoomRoles.Facilitator }, ct) ?? target;
        var conns = await m.Presence.GetConnectionsAsync(f.Room.Id, target.UserId, ct);
        return new ModerationResult(f.Room) { State = state, Changes = [new(ParticipantChangeKinds.Promoted, promoted, conns)] };
    }

    /// <summary>Demotes a co-facilitator. Facilitators listed on the room are changed through the rooms API, not here.</summary>
    public async Task<ModerationResult> DemoteAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        if (target.UserId == f.Actor.UserId) throw PeerRoomsException.Invalid("ask another facilitator to demote you");
        if (f.Room.IsFacilitator(target.UserId)) throw PeerRoomsException.Forbidden("the room's own facilitators are changed by an admin");
        var current = await m.Store.GetAsync(f.Room.Id, ct);
        if (!current.CoFacilitators.Contains(target.UserId)) throw PeerRoomsException.Invalid("not a co-facilitator");
        await m.AuditAsync(f, AuditActions.Demoted, target, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with
        {
            CoFacilitators = s.CoFacilitators.Without(target.UserId),
            LeadUserId = s.LeadUserId == target.UserId ? f.Actor.UserId : s.LeadUserId,
        }, ct);
        var demoted = await m.Presence.UpdateAsync(f.Room.Id, target.UserId, p => p with { RoomRole = RoomRoles.Participant }, ct) ?? target;
        var conns = await m.Presence.GetConnectionsAsync(f.Room.Id, target.UserId, ct);
        return new ModerationResult(f.Room) { State = state, Changes = [new(ParticipantChangeKinds.Demoted, demoted, conns)] };
    }
}
