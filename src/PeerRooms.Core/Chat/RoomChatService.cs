using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Chat;

/// <summary>What joining produced: the caller's participant and what they may see now.</summary>
public sealed record JoinOutcome(Room Room, Participant Participant, bool IsNewParticipant,
    IReadOnlyList<Participant> Roster, IReadOnlyList<ChatMessage> History);

/// <summary>
/// What sending produced: the stored message to deliver and the context the send rules left (notices,
/// items for observers); or, for a retry of a client message id already used, only the original's
/// <see cref="Receipt"/> (<see cref="Duplicate"/>: nothing ran, nothing is delivered again).
/// </summary>
public sealed record SendOutcome(Room Room, Participant Sender, MessageReceipt Receipt, ChatMessage? Message, SendContext? Context)
{
    /// <summary>True for a retry answered from the dedupe index.</summary>
    public bool Duplicate => Message is null;
}

/// <summary>
/// The rules of a room's chat: who may join, who may send, what a late joiner sees. Adapters (hubs)
/// call it and fan out what it returns; it validates everything before changing any state, so a
/// refused call leaves the room as it was.
/// </summary>
public sealed class RoomChatService(
    IRoomRepository rooms,
    IPresenceStore presence,
    IHistoryStore history,
    ISendStateReader sendState,
    IIdGenerator ids,
    TimeProvider time,
    ChatLimits limits,
    IEnumerable<IJoinRule> joinRules,
    IEnumerable<ISendRule> sendRules)
{
    private readonly IJoinRule[] _joinRules = [.. joinRules.OrderBy(r => r.Order)];
    private readonly ISendRule[] _sendRules = [.. sendRules.OrderBy(r => r.Order)];

    public ChatLimits Limits => limits;

    /// <summary>
    /// Joins the caller. <paramref name="placed"/> runs once the participant is stored (admitted or in
    /// the lobby) and before history is read, so the host can put the connection in the right groups
    /// without missing a message or leaking one to the lobby.
    /// </summary>
    public async Task<JoinOutcome> JoinAsync(Caller caller, JoinRoomRequest request, ConnectionRef connection, CancellationToken ct = default, Func<Participant, Task>? placed = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roomId = InputRules.RequireId(request.RoomId, "roomId");
        var displayName = DisplayNameRules.Validate(request.DisplayName, limits);
        var room = await RequireRoomAsync(roomId, ct);

        var candidate = new Participant
        {
            ParticipantId = ids.NewId("p_"),
            UserId = caller.UserId,
            DisplayName = displayName,
            RoomRole = room.IsFacilitator(caller.UserId) ? RoomRoles.Facilitator : RoomRoles.Participant,
            Status = ParticipantStatus.InRoom,
            JoinedAt = time.GetUtcNow(),
        };
        var context = new JoinContext(caller, room, request, candidate);
        foreach (var rule in _joinRules) await rule.CheckAsync(context, ct);
        var joined = await presence.JoinAsync(roomId, context.Candidate, connection, room.Capacity, ct);
        if (placed is not null) await placed(joined.Participant);
        var roster = await presence.GetRosterAsync(roomId, ct);
        var recent = joined.Participant.IsAdmitted
            ? Visible(await history.GetAsync(roomId, 0, Math.Min(limits.HistoryOnJoin, room.Policy.HistoryLimit), ct), joined.Participant)
            : [];
        return new JoinOutcome(room, joined.Participant, joined.IsNewParticipant, roster, recent);
    }

    public Task<LeaveResult> LeaveAsync(Caller caller, string roomId, string connectionId, CancellationToken ct = default)
        => presence.LeaveAsync(InputRules.RequireId(roomId, "roomId"), caller.UserId, connectionId, ct);

    public async Task<SendOutcome> SendAsync(Caller caller, SendMessageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roomId = InputRules.RequireId(request.RoomId, "roomId");
        var clientMessageId = InputRules.RequireId(request.ClientMessageId, "clientMessageId");
        var text = InputRules.RequireMessageText(request.Text, limits);
        // Sender, retry receipt and moderation state in one read (one Redis round trip when scaled out).
        var state = await sendState.ReadAsync(roomId, caller.UserId, clientMessageId, ct);
        var sender = Admitted(state.Sender);
        var room = await RequireRoomAsync(roomId, ct);

        // A retry of a message already stored is answered from the store before any rule runs, so
        // e.g. slow mode never refuses the retry of a message that went through.
        if (state.Original is { } original)
            return new SendOutcome(room, sender, original, null, null);

        var draft = new ChatMessage
        {
            MessageId = ids.NewId("m_"),
            ClientMessageId = clientMessageId,
            SenderUserId = caller.UserId,
            SenderParticipantId = sender.ParticipantId,
            SenderDisplayName = sender.DisplayName,
            Text = text,
            SentAt = time.GetUtcNow(),
        };
        var context = new SendContext(caller, room, sender, request, draft);
        context.UseModeration(state.Moderation);
        foreach (var rule in _sendRules) await rule.ApplyAsync(context, ct);
        var appended = await history.AppendAsync(roomId, context.Message, Math.Max(1, room.Policy.HistoryLimit), ct);
        if (appended.Stored is not { } stored) return new SendOutcome(room, sender, appended.Receipt, null, null); // a concurrent retry won
        context.Message = stored;
        return new SendOutcome(room, sender, appended.Receipt, stored, context);
    }

    public async Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(Caller caller, string roomId, long afterSequence, CancellationToken ct = default)
    {
        roomId = InputRules.RequireId(roomId, "roomId");
        if (afterSequence < 0) throw PeerRoomsException.Invalid("afterSequence must not be negative");
        var viewer = await RequireAdmittedAsync(roomId, caller, ct);
        var room = await RequireRoomAsync(roomId, ct);
        return Visible(await history.GetAsync(roomId, afterSequence, room.Policy.HistoryLimit, ct), viewer);
    }

    public async Task<IReadOnlyList<Participant>> GetRosterAsync(Caller caller, string roomId, CancellationToken ct = default)
    {
        roomId = InputRules.RequireId(roomId, "roomId");
        // The lobby sees nothing of the room, its roster included.
        await RequireAdmittedAsync(roomId, caller, ct);
        return await presence.GetRosterAsync(roomId, ct);
    }

    /// <summary>The caller's participant record, or <c>not_member</c>.</summary>
    public async Task<Participant> RequireMemberAsync(string roomId, Caller caller, CancellationToken ct = default)
        => await presence.GetAsync(roomId, caller.UserId, ct)
           ?? throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");

    /// <summary>The caller's participant record if admitted past the lobby; <c>in_lobby</c> otherwise.</summary>
    public async Task<Participant> RequireAdmittedAsync(string roomId, Caller caller, CancellationToken ct = default)
        => Admitted(await presence.GetAsync(roomId, caller.UserId, ct));

    /// <summary><paramref name="participant"/> if admitted; <c>not_member</c> when absent, <c>in_lobby</c> when waiting.</summary>
    private static Participant Admitted(Participant? participant)
    {
        if (participant is null) throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
        return participant.IsAdmitted ? participant
            : throw new PeerRoomsException(ErrorCodes.InLobby, "you are waiting in the lobby");
    }

    private static IReadOnlyList<ChatMessage> Visible(IReadOnlyList<ChatMessage> messages, Participant viewer)
        => messages.All(m => m.Audience == MessageAudience.Everyone) ? messages : messages.Where(m => m.IsVisibleTo(viewer)).ToArray();

    private async Task<Room> RequireRoomAsync(string roomId, CancellationToken ct)
    {
        var room = await rooms.GetAsync(roomId, ct) ?? throw PeerRoomsException.NotFound("room not found");
        return room.Archived ? throw new PeerRoomsException(ErrorCodes.RoomArchived, "room is archived") : room;
    }
}
