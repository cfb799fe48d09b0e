using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Moderation;

/// <summary>The facilitator acting and the room they act in, both read from shared state.</summary>
public sealed record FacilitatorContext(Room Room, Participant Actor);

/// <summary>
/// Who may use the facilitator tools: an admitted participant whose role in that room's live
/// session is facilitator (listed on the room, or promoted for the session). The role is read from
/// the shared presence store on every call, never taken from the client, so it holds on whichever
/// node the caller is connected to. Refusals use <c>forbidden</c>.
/// </summary>
public sealed class FacilitatorGuard(IRoomRepository rooms, IPresenceStore presence)
{
    public async Task<FacilitatorContext> RequireFacilitatorAsync(string? roomId, Caller caller, CancellationToken ct = default)
    {
        var id = InputRules.RequireId(roomId, "roomId");
        var actor = await presence.GetAsync(id, caller.UserId, ct);
        if (actor is null || !actor.IsFacilitator || !actor.IsAdmitted)
            throw PeerRoomsException.Forbidden("only this room's facilitators may do this");
        var room = await rooms.GetAsync(id, ct) ?? throw PeerRoomsException.NotFound("room not found");
        return new FacilitatorContext(room, actor);
    }

    /// <summary>A participant present in the room (lobby or admitted), by their per-session id.</summary>
    public async Task<Participant> RequireParticipantAsync(string roomId, string? participantId, CancellationToken ct = default)
    {
        var id = InputRules.RequireId(participantId, "participantId");
        var roster = await presence.GetRosterAsync(roomId, ct);
        return roster.FirstOrDefault(p => p.ParticipantId == id) ?? throw PeerRoomsException.NotFound("no such participant in this room");
    }

    /// <summary>A participant a facilitator may sanction: present, not the actor, not a facilitator (demote co-facilitators first).</summary>
    public async Task<Participant> RequireSanctionableAsync(FacilitatorContext f, string? participantId, CancellationToken ct = default)
    {
        var target = await RequireParticipantAsync(f.Room.Id, participantId, ct);
        if (target.UserId == f.Actor.UserId) throw PeerRoomsException.Invalid("you cannot do this to yourself");
        if (target.IsFacilitator) throw PeerRoomsException.Forbidden("facilitators cannot be sanctioned; demote a co-facilitator first");
        return target;
    }
}
