using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Moderation;

/// <summary>Join rule orders of the facilitator tools (refusals first, placement after).</summary>
public static class ModerationRuleOrder
{
    public const int Ban = 100;
    public const int Session = 150;
    public const int Lock = 200;
    public const int Lobby = 300;
    public const int SessionSend = 10;
    public const int MuteSend = 20;
    public const int SlowModeSend = 30;
}

/// <summary>Refuses banned users (durable ban or session ban: <c>banned</c>) and timed-out users (<c>timed_out</c>).</summary>
public sealed class BanJoinRule(IModerationStore store, IBanRepository bans, TimeProvider time) : IJoinRule
{
    public int Order => ModerationRuleOrder.Ban;

    public async ValueTask CheckAsync(JoinContext context, CancellationToken ct)
    {
        var state = await store.GetAsync(context.Room.Id, ct);
        if (state.IsSessionBanned(context.Caller.UserId) || await bans.IsBannedAsync(context.Room.Id, context.Caller.UserId, ct))
            throw new PeerRoomsException(ErrorCodes.Banned, "you are banned from this room");
        if (state.TimedOutUntil(context.Caller.UserId, time.GetUtcNow()) is { } until)
            throw new PeerRoomsException(ErrorCodes.TimedOut, $"you may rejoin after {until:O}");
    }
}

/// <summary>
/// Session placement: restores a co-facilitator's role for the session; opens the session on the
/// first join when the room does not require a facilitator to start it; otherwise people arriving
/// before a facilitator started the meeting wait in the lobby.
/// </summary>
public sealed class SessionJoinRule(IModerationStore store, TimeProvider time) : IJoinRule
{
    public int Order => ModerationRuleOrder.Session;

    public async ValueTask CheckAsync(JoinContext context, CancellationToken ct)
    {
        var state = await store.GetAsync(context.Room.Id, ct);
        if (state.CoFacilitators.Contains(context.Caller.UserId))
            context.Candidate = context.Candidate with { RoomRole = RoomRoles.Facilitator };
        if (state.Session == SessionStatus.Idle && !context.Room.Policy.RequireFacilitatorToStart)
        {
            var now = time.GetUtcNow();
            state = await store.UpdateAsync(context.Room.Id, s => s.Session == SessionStatus.Idle
                ? s with { Session = SessionStatus.Open, SessionStartedAt = now } : s, ct);
        }
        if (state.Session == SessionStatus.Idle && !context.Candidate.IsFacilitator)
            context.Candidate = context.Candidate with { Status = ParticipantStatus.Lobby };
    }
}

/// <summary>
/// A locked room takes no new participants: <c>room_locked</c>, or the lobby when the lock lets
/// people wait there. Facilitators and people already present (another tab) are not affected.
/// </summary>
public sealed class LockJoinRule(IModerationStore store, IPresenceStore presence) : IJoinRule
{
    public int Order => ModerationRuleOrder.Lock;

    public async ValueTask CheckAsync(JoinContext context, CancellationToken ct)
    {
        if (context.Candidate.IsFacilitator) return;
        var state = await store.GetAsync(context.Room.Id, ct);
        if (!state.Locked || await presence.GetAsync(context.Room.Id, context.Caller.UserId, ct) is not null) return;
        if (!state.LockAllowsLobby) throw new PeerRoomsException(ErrorCodes.RoomLocked, "the room is locked");
        context.Candidate = context.Candidate with { Status = ParticipantStatus.Lobby };
    }
}

/// <summary>Participants wait in the lobby when the room's policy says so, or after a facilitator removed them.</summary>
public sealed class LobbyJoinRule(IModerationStore store) : IJoinRule
{
    public int Order => ModerationRuleOrder.Lobby;

    public async ValueTask CheckAsync(JoinContext context, CancellationToken ct)
    {
        if (context.Candidate.IsFacilitator) return;
        var mustKnock = !context.Room.Policy.LobbyEnabled && (await store.GetAsync(context.Room.Id, ct)).MustKnock.Contains(context.Caller.UserId);
        if (context.Room.Policy.LobbyEnabled || mustKnock)
            context.Candidate = context.Candidate with { Status = ParticipantStatus.Lobby };
    }
}
