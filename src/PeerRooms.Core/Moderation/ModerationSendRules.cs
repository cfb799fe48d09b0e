using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Moderation;

/// <summary>
/// The room's moderation state as one send sees it: read once per send (by <see cref="RoomChatService"/>
/// with the rest of the <see cref="SendState"/>, or from the store on first use) and shared by the
/// session, mute and slow-mode rules through <see cref="SendContext.Items"/> (one shared-state read per
/// message instead of three, a Redis round trip each when scaled out). Every rule still checks the state.
/// </summary>
public static class SendModerationState
{
    private const string ItemKey = "moderation.state";

    /// <summary>Hands the rules the state read for this send with the rest of its <see cref="SendState"/> (one round trip).</summary>
    public static void UseModeration(this SendContext context, RoomModeration state) => context.Items[ItemKey] = state;

    /// <summary>The state read for this send, reading it on first use.</summary>
    public static async ValueTask<RoomModeration> ModerationAsync(this SendContext context, IModerationStore store, CancellationToken ct)
    {
        if (context.Items.TryGetValue(ItemKey, out var read)) return (RoomModeration)read;
        var state = await store.GetAsync(context.Room.Id, ct);
        context.Items[ItemKey] = state;
        return state;
    }
}

/// <summary>While the session is paused (no facilitator present in a room that requires one) only facilitators send: <c>session_paused</c>.</summary>
public sealed class SessionSendRule(IModerationStore store) : ISendRule
{
    public int Order => ModerationRuleOrder.SessionSend;

    public async ValueTask ApplyAsync(SendContext context, CancellationToken ct)
    {
        if (context.Sender.IsFacilitator) return;
        var state = await context.ModerationAsync(store, ct);
        if (state.Session == SessionStatus.Paused)
            throw new PeerRoomsException(ErrorCodes.SessionPaused, "the meeting is paused until a facilitator returns");
        if (state.Session == SessionStatus.Idle && context.Room.Policy.RequireFacilitatorToStart)
            throw new PeerRoomsException(ErrorCodes.SessionNotStarted, "the meeting has not started");
    }
}

/// <summary>Muted participants (individually, or everyone but facilitators) cannot send: <c>muted</c>.</summary>
public sealed class MuteSendRule(IModerationStore store, TimeProvider time) : ISendRule
{
    public int Order => ModerationRuleOrder.MuteSend;

    public async ValueTask ApplyAsync(SendContext context, CancellationToken ct)
    {
        if (context.Sender.IsFacilitator) return;
        var state = await context.ModerationAsync(store, ct);
        var now = time.GetUtcNow();
        if (state.IsChatMuted(context.Sender.UserId, now) || state.IsEveryoneMuted(now))
            throw new PeerRoomsException(ErrorCodes.Muted, "a facilitator muted you in this room");
    }
}

/// <summary>Slow mode: at most one message per N seconds per participant; facilitators exempt (<c>slow_mode</c>).</summary>
public sealed class SlowModeSendRule(IModerationStore store, ISlowModeGate gate, TimeProvider time) : ISendRule
{
    public int Order => ModerationRuleOrder.SlowModeSend;

    public async ValueTask ApplyAsync(SendContext context, CancellationToken ct)
    {
        if (context.Sender.IsFacilitator) return;
        var seconds = (await context.ModerationAsync(store, ct)).EffectiveSlowModeSeconds(context.Room.Policy);
        if (seconds <= 0) return;
        var wait = await gate.TryPassAsync(context.Room.Id, context.Sender.UserId, time.GetUtcNow(), TimeSpan.FromSeconds(seconds), ct);
        if (wait is { } w)
            throw new PeerRoomsException(ErrorCodes.SlowMode, $"slow mode: wait {Math.Ceiling(w.TotalSeconds):0} more seconds");
    }
}
