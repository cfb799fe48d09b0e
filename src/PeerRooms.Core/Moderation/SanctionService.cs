using PeerRooms.Core.Contracts;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Moderation;

/// <summary>
/// Taking someone out of the room: remove (they may come back, through the lobby), time out for N
/// minutes, ban for the session or permanently. Each closes their room connection with a terminal
/// reason; the sanction itself is keyed by user id in shared state (and, for a permanent ban, in
/// the durable store first), so it holds on every node, across reconnects and new connections.
/// </summary>
public sealed class SanctionService(ModerationContext m, IBanRepository bans)
{
    public async Task<ModerationResult> RemoveAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        await m.AuditAsync(f, AuditActions.Removed, target, ct: ct);
        return await EjectAsync(f, target, CloseReasons.Removed, s => s with { MustKnock = s.MustKnock.With(target.UserId) }, ct);
    }

    public async Task<ModerationResult> TimeoutAsync(Caller caller, string? roomId, string? participantId, int minutes, CancellationToken ct = default)
    {
        ModerationContext.RequireMinutes(minutes, allowZero: false);
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        await m.AuditAsync(f, AuditActions.TimedOut, target, detail: $"minutes={minutes}", ct: ct);
        var until = m.Now.AddMinutes(minutes);
        return await EjectAsync(f, target, CloseReasons.TimedOut, s => s with { Timeouts = s.Timeouts.With(target.UserId, until) }, ct);
    }

    /// <summary>Bans for the rest of the session, or (<paramref name="permanent"/>) durably until an admin lifts it.</summary>
    public async Task<ModerationResult> BanAsync(Caller caller, string? roomId, string? participantId, bool permanent, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        await m.AuditAsync(f, AuditActions.Banned, target, detail: permanent ? "permanent" : "session", ct: ct);
        if (permanent) await bans.AddAsync(new RoomBan(m.Ids.NewId("b_"), f.Room.Id, target.UserId, f.Actor.UserId, m.Now), ct);
        return await EjectAsync(f, target, CloseReasons.Banned, s => s with { SessionBans = s.SessionBans.With(target.UserId) }, ct);
    }

    /// <summary>
    /// Records the sanction first (so a rejoin racing with this call is already refused), then takes
    /// the participant off presence with all their connections.
    /// </summary>
    private async Task<ModerationResult> EjectAsync(FacilitatorContext f, Participant target, string reason, Func<RoomModeration, RoomModeration> sanction, CancellationToken ct)
    {
        var state = await m.Store.UpdateAsync(f.Room.Id, s => sanction(s).WithoutPresenceOf(target.UserId), ct);
        var conns = await m.Presence.GetConnectionsAsync(f.Room.Id, target.UserId, ct);
        await m.Presence.RemoveAsync(f.Room.Id, target.UserId, ct);
        return new ModerationResult(f.Room)
        {
            State = state,
            Changes = [new(ParticipantChangeKinds.Ejected, target, conns, reason)],
            LobbyChanged = !target.IsAdmitted,
        };
    }
}
