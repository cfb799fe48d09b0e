using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Moderation;

/// <summary>
/// The lobby and the lock: facilitators see who waits, admit one or all, deny, send someone back,
/// and lock the room against new arrivals (optionally still letting them wait in the lobby).
/// </summary>
public sealed class LobbyService(ModerationContext m)
{
    public async Task<IReadOnlyList<Participant>> GetLobbyAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        return (await m.Presence.GetRosterAsync(f.Room.Id, ct)).Where(p => !p.IsAdmitted).ToArray();
    }

    public async Task<ModerationResult> AdmitAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        if (target.IsAdmitted) throw PeerRoomsException.Invalid("that participant is not waiting in the lobby");
        return await AdmitAllOfAsync(f, [target], ct);
    }

    public async Task<ModerationResult> AdmitAllAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var waiting = (await m.Presence.GetRosterAsync(f.Room.Id, ct)).Where(p => !p.IsAdmitted).ToArray();
        return await AdmitAllOfAsync(f, waiting, ct);
    }

    private async Task<ModerationResult> AdmitAllOfAsync(FacilitatorContext f, IReadOnlyList<Participant> targets, CancellationToken ct)
    {
        if (targets.Count == 0) return ModerationResult.Unchanged(f.Room);
        foreach (var t in targets) await m.AuditAsync(f, AuditActions.Admitted, t, ct: ct);
        var users = targets.Select(t => t.UserId).ToHashSet(StringComparer.Ordinal);
        await m.Store.UpdateAsync(f.Room.Id, s => s.MustKnock.Any(users.Contains)
            ? s with { MustKnock = s.MustKnock.Where(u => !users.Contains(u)).ToArray() } : s, ct);
        var changes = new List<ParticipantChange>();
        foreach (var t in targets)
        {
            var admitted = await m.Presence.UpdateAsync(f.Room.Id, t.UserId, p => p with { Status = ParticipantStatus.InRoom }, ct);
            if (admitted is not null)
                changes.Add(new(ParticipantChangeKinds.Admitted, admitted, await m.Presence.GetConnectionsAsync(f.Room.Id, t.UserId, ct)));
        }
        return new ModerationResult(f.Room) { Changes = changes, LobbyChanged = true };
    }

    /// <summary>Turns someone in the lobby away (terminal <c>denied</c>). They may knock again later unless locked out.</summary>
    public async Task<ModerationResult> DenyAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        if (target.IsAdmitted) throw PeerRoomsException.Invalid("that participant is not waiting in the lobby");
        await m.AuditAsync(f, AuditActions.Denied, target, ct: ct);
        var conns = await m.Presence.GetConnectionsAsync(f.Room.Id, target.UserId, ct);
        await m.Presence.RemoveAsync(f.Room.Id, target.UserId, ct);
        return new ModerationResult(f.Room) { Changes = [new(ParticipantChangeKinds.Ejected, target, conns, CloseReasons.Denied)], LobbyChanged = true };
    }

    /// <summary>Moves an admitted participant back to the lobby; their hand and floor go.</summary>
    public async Task<ModerationResult> SendToLobbyAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        if (!target.IsAdmitted) throw PeerRoomsException.Invalid("that participant is already in the lobby");
        await m.AuditAsync(f, AuditActions.SentToLobby, target, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s.WithoutPresenceOf(target.UserId), ct);
        var moved = await m.Presence.UpdateAsync(f.Room.Id, target.UserId, p => p with { Status = ParticipantStatus.Lobby }, ct) ?? target with { Status = ParticipantStatus.Lobby };
        var conns = await m.Presence.GetConnectionsAsync(f.Room.Id, target.UserId, ct);
        return new ModerationResult(f.Room) { State = state, Changes = [new(ParticipantChangeKinds.SentToLobby, moved, conns)], LobbyChanged = true };
    }

    /// <summary>No new joins; with <paramref name="allowLobby"/> new arrivals wait in the lobby instead of being refused. Facilitators always get in.</summary>
    public async Task<ModerationResult> LockAsync(Caller caller, string? roomId, bool allowLobby, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.Locked, detail: $"allowLobby={(allowLobby ? "true" : "false")}", ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Locked = true, LockAllowsLobby = allowLobby }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    public async Task<ModerationResult> UnlockAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.Unlocked, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Locked = false, LockAllowsLobby = false }, ct);
        return new ModerationResult(f.Room) { State = state };
    }
}
