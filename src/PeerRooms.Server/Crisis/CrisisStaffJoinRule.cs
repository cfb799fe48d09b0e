using PeerRooms.Core.Chat;
using PeerRooms.Core.Escalation;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Crisis;

/// <summary>
/// Crisis staff who own an active case in a room join it with room role <c>crisis-staff</c>, so
/// the room sees who they are. Without a case they join like anyone else (they are not the
/// room's facilitators and see nothing the room does not).
/// </summary>
public sealed class CrisisStaffJoinRule(IEscalationStore store) : IJoinRule
{
    public int Order => 50;

    public async ValueTask CheckAsync(JoinContext context, CancellationToken ct)
    {
        if (!context.Caller.IsCrisisStaff || context.Candidate.IsFacilitator) return;
        var active = await store.ListAsync(CaseFilter.Active, 1000, ct);
        if (active.Any(r => r.Case.RoomId == context.Room.Id && r.Case.Owner == context.Caller.UserId))
            context.Candidate = context.Candidate with { RoomRole = RoomRoles.CrisisStaff };
    }
}
