using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Filters;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The rooms hub at <c>/hubs/rooms</c>. A thin adapter: it names the caller, asks
/// <see cref="RoomChatService"/> to decide, keeps SignalR groups in step, and fans out what changed.
/// Errors are translated to HubExceptions by <see cref="Filters.ErrorTranslationFilter"/>.
/// </summary>
[Authorize]
public sealed partial class RoomHub(RoomChatService chat, RoomBroadcaster broadcast, MessageObservers observers, NodeIdentity node, PeerRoomsMetrics metrics, RoomLifecycle lifecycle) : Hub<IRoomClient>
{
    [AllowNonMember, RateLimit(SecurityLimits.Joins)]
    public async Task<JoinRoomResponse> JoinRoom(JoinRoomRequest request)
    {
        var roomId = InputRules.RequireId(request.RoomId, "roomId");
        var joined = ConnectionRooms.Of(Context);
        if (!joined.Contains(roomId) && joined.Count >= chat.Limits.MaxRoomsPerConnection)
            throw new PeerRoomsException(ErrorCodes.TooManyRooms, $"a connection may join at most {chat.Limits.MaxRoomsPerConnection} rooms");

        // Join the groups once the join rules placed the participant (room or lobby) and before
        // history is read, so nothing sent in between is missed and the lobby receives nothing of
        // the room; clients drop duplicates by sequence number.
        var caller = Context.User.ToCaller();
        var wasJoined = joined.Contains(roomId);
        JoinOutcome outcome;
        try
        {
            outcome = await chat.JoinAsync(caller, request, new ConnectionRef(Context.ConnectionId, node.NodeId),
                placed: p => lifecycle.PlaceAsync(roomId, Context.ConnectionId, p));
        }
        catch
        {
            // A refused join (e.g. banned after a removal this connection did not see) leaves no groups
            // behind. When presence cannot be read (shared state down), a connection that had joined keeps its place.
            var present = await lifecycle.IsPresentAsync(roomId, caller.UserId, Context.ConnectionId);
            if (present == false || (present is null && !wasJoined))
            {
                if (joined.TryRemove(roomId)) metrics.RoomLeftLocally(roomId);
                await lifecycle.RemoveConnectionAsync(roomId, Context.ConnectionId);
            }
            throw;
        }
        if (joined.TryAdd(roomId)) metrics.RoomJoinedLocally(roomId);
        if (outcome.IsNewParticipant && !outcome.Participant.IsAdmitted) metrics.ParticipantEnteredLobby();
        if (outcome.IsNewParticipant)
            await broadcast.JoinedAsync(roomId, outcome.Participant, Context.ConnectionId);
        await lifecycle.AfterJoinAsync(outcome.Room, outcome.Participant, outcome.IsNewParticipant);

        var admitted = outcome.Participant.IsAdmitted;
        return new JoinRoomResponse
        {
            RoomId = roomId,
            RoomName = outcome.Room.Name,
            ParticipantId = outcome.Participant.ParticipantId,
            Status = outcome.Participant.Status,
            Role = outcome.Participant.RoomRole,
            // The lobby sees nothing of the room: only itself on the roster. Attributes are filtered per viewer.
            Roster = RosterFor(admitted ? outcome.Roster : outcome.Roster.Where(p => p.UserId == caller.UserId).ToArray(), outcome.Participant),
            History = outcome.History.Select(m => m.ToView(roomId)).ToArray(),
            RoomState = await lifecycle.StateForAsync(outcome.Room, outcome.Participant),
        };
    }

    public async Task LeaveRoom(string roomId)
    {
        roomId = InputRules.RequireId(roomId, "roomId");
        if (!ConnectionRooms.Of(Context).TryRemove(roomId))
            throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
        await LeaveAsync(roomId);
    }

    /// <remarks>
    /// Membership of this connection is checked once, by <see cref="RoomMembershipFilter"/> (as for every
    /// method taking a room id), not again here: this is the hottest call. The Core service then checks
    /// the caller's shared presence (admitted, not in the lobby) as for every other room call.
    /// </remarks>
    [RateLimit(SecurityLimits.Messages)]
    public async Task<SendMessageResponse> SendMessage(SendMessageRequest request)
    {
        var sent = await chat.SendAsync(Context.User.ToCaller(), request);
        if (sent is { Message: { } message, Context: { } context })
        {
            await broadcast.MessageAsync(sent.Room.Id, message, sent.Sender);
            await observers.NotifyAsync(context);
        }
        return new SendMessageResponse
        {
            MessageId = sent.Receipt.MessageId, Sequence = sent.Receipt.Sequence, Duplicate = sent.Duplicate,
            Notices = sent.Context is { Notices.Count: > 0 } done ? done.Notices.Select(n => n.ToView()).ToArray() : [],
        };
    }

    public async Task SetTyping(string roomId, bool typing)
    {
        RequireJoined(roomId);
        var participant = await chat.RequireAdmittedAsync(roomId, Context.User.ToCaller());
        await broadcast.TypingAsync(roomId, participant, typing, Context.ConnectionId);
    }

    public async Task<IReadOnlyList<MessageView>> GetHistory(string roomId, long afterSequence)
    {
        RequireJoined(roomId);
        var messages = await chat.GetHistoryAsync(Context.User.ToCaller(), roomId, afterSequence);
        return messages.Select(m => m.ToView(roomId)).ToArray();
    }

    public async Task<IReadOnlyList<ParticipantView>> GetRoster(string roomId)
    {
        RequireJoined(roomId);
        var caller = Context.User.ToCaller();
        var roster = await chat.GetRosterAsync(caller, roomId);
        return RosterFor(roster, caller.UserId);
    }

    public override Task OnConnectedAsync()
    {
        ConnectionRooms.Attach(Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var roomId in ConnectionRooms.Of(Context).Snapshot()) await LeaveAsync(roomId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(string roomId)
    {
        await lifecycle.RemoveConnectionAsync(roomId, Context.ConnectionId);
        metrics.RoomLeftLocally(roomId);
        var result = await chat.LeaveAsync(Context.User.ToCaller(), roomId, Context.ConnectionId);
        if (result.Left is { } left)
        {
            if (!left.IsAdmitted) metrics.ParticipantLeftLobby();
            await broadcast.LeftAsync(roomId, left);
            await lifecycle.AfterLeaveAsync(roomId, left);
        }
    }

    /// <summary>Cheap local check first: this connection must have joined the room.</summary>
    private void RequireJoined(string? roomId)
    {
        InputRules.RequireId(roomId, "roomId");
        if (!ConnectionRooms.Of(Context).Contains(roomId!))
            throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
    }
}
