using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Client.Logging;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;

namespace PeerRooms.Client;

// The rooms hub: methods and events of docs/protocol.md "Rooms hub".
public sealed partial class PeerRoomsClient
{
    /// <summary>
    /// A message in one of the client's rooms (including its own). Raised once per message, in
    /// order per room, including messages recovered after a reconnect.
    /// </summary>
    public event Action<MessageView>? MessageReceived;

    /// <summary>Someone else joined one of the client's rooms.</summary>
    public event Action<ParticipantJoinedEvent>? ParticipantJoined;

    /// <summary>Someone left one of the client's rooms.</summary>
    public event Action<ParticipantLeftEvent>? ParticipantLeft;

    /// <summary>Someone started or stopped typing.</summary>
    public event Action<TypingEvent>? Typing;

    /// <summary>
    /// The server took this participant out of a room. When <see cref="RoomClosedEvent.Terminal"/> is
    /// set the client has already forgotten the room and will not rejoin it.
    /// </summary>
    public event Action<RoomClosedEvent>? RoomClosed;

    /// <summary>The client rejoined a room by itself after a reconnect.</summary>
    public event Action<RoomRejoined>? RoomRejoined;

    /// <summary>The client could not rejoin a room after a reconnect and stopped tracking it.</summary>
    public event Action<RoomRejoinFailed>? RoomRejoinFailed;

    /// <summary>
    /// Joins a room under a pseudonym. The response carries the roster and recent history; live
    /// messages that race with the join are raised after it, each once. The client remembers the
    /// room and rejoins it after a reconnect.
    /// </summary>
    /// <exception cref="PeerRoomsHubException">e.g. <c>not_found</c>, <c>display_name_taken</c>, <c>room_full</c>.</exception>
    public async Task<JoinRoomResponse> JoinRoomAsync(string roomId, string displayName, int? acceptedGuidelinesVersion = null, CancellationToken ct = default)
    {
        TrackedRoom room;
        bool added;
        lock (_delivery)
        {
            room = _rooms.Track(roomId, displayName, acceptedGuidelinesVersion, out added);
            room.Recovering = true;
        }
        JoinRoomResponse response;
        try
        {
            response = await JoinCoreAsync(room, ct).ConfigureAwait(false);
        }
        catch
        {
            lock (_delivery)
            {
                if (added) _rooms.Forget(roomId);
                else FinishRecovery(room, []);
            }
            throw;
        }
        lock (_delivery)
        {
            foreach (var m in response.History) room.MarkSeen(m.Sequence);
            FinishRecovery(room, []);
        }
        return response;
    }

    /// <summary>Leaves a room; the client stops tracking it.</summary>
    /// <exception cref="PeerRoomsHubException"><c>not_member</c> when the connection was not in the room.</exception>
    public async Task LeaveRoomAsync(string roomId, CancellationToken ct = default)
    {
        try
        {
            await InvokeAsync("LeaveRoom", [roomId], ct).ConfigureAwait(false);
        }
        finally
        {
            lock (_delivery) _rooms.Forget(roomId);
        }
    }

    /// <summary>
    /// Sends a message. <paramref name="clientMessageId"/> makes retries safe: sending the same id again
    /// returns the original with <c>Duplicate = true</c>. A new id is made when it is null.
    /// </summary>
    /// <exception cref="PeerRoomsHubException">e.g. <c>not_member</c>, <c>message_too_long</c>, <c>muted</c>.</exception>
    public Task<SendMessageResponse> SendMessageAsync(string roomId, string text, string? clientMessageId = null, CancellationToken ct = default)
        => InvokeAsync<SendMessageResponse>("SendMessage",
            [new SendMessageRequest { RoomId = roomId, ClientMessageId = clientMessageId ?? NewClientMessageId(), Text = text }], ct);

    /// <summary>Tells the room's other members that this participant is (or stopped) typing.</summary>
    public Task SetTypingAsync(string roomId, bool typing, CancellationToken ct = default)
        => InvokeAsync("SetTyping", [roomId, typing], ct);

    /// <summary>The room's messages after <paramref name="afterSequence"/>, oldest first (does not raise events).</summary>
    public async Task<IReadOnlyList<MessageView>> GetHistoryAsync(string roomId, long afterSequence = 0, CancellationToken ct = default)
        => await InvokeAsync<MessageView[]>("GetHistory", [roomId, afterSequence], ct).ConfigureAwait(false);

    /// <summary>Who is in the room now.</summary>
    public async Task<IReadOnlyList<ParticipantView>> GetRosterAsync(string roomId, CancellationToken ct = default)
        => await InvokeAsync<ParticipantView[]>("GetRoster", [roomId], ct).ConfigureAwait(false);

    /// <summary>A fresh client message id (32 hex characters).</summary>
    public static string NewClientMessageId() => Guid.NewGuid().ToString("N");

    private Task<JoinRoomResponse> JoinCoreAsync(TrackedRoom room, CancellationToken ct)
        => InvokeAsync<JoinRoomResponse>("JoinRoom",
            [new JoinRoomRequest { RoomId = room.RoomId, DisplayName = room.DisplayName, AcceptedGuidelinesVersion = room.AcceptedGuidelinesVersion }], ct);

    private void RegisterRoomEvents()
    {
        _connection.On<MessageView>(RoomEvents.MessageReceived, OnMessage);
        _connection.On<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined, e => { lock (_delivery) Raise(RoomEvents.ParticipantJoined, ParticipantJoined, e); });
        _connection.On<ParticipantLeftEvent>(RoomEvents.ParticipantLeft, e => { lock (_delivery) Raise(RoomEvents.ParticipantLeft, ParticipantLeft, e); });
        _connection.On<TypingEvent>(RoomEvents.Typing, e => { lock (_delivery) Raise(RoomEvents.Typing, Typing, e); });
        _connection.On<RoomClosedEvent>(RoomEvents.RoomClosed, OnRoomClosed);
    }

    private void OnMessage(MessageView message)
    {
        lock (_delivery)
        {
            var room = _rooms.Find(message.RoomId);
            if (room is null) { Raise(RoomEvents.MessageReceived, MessageReceived, message); return; }
            if (room.Recovering) { room.Parked.Add(message); return; }
            if (room.MarkSeen(message.Sequence)) Raise(RoomEvents.MessageReceived, MessageReceived, message);
        }
    }

    private void OnRoomClosed(RoomClosedEvent e)
    {
        ClientLog.RoomClosed(_logger, e.RoomId, e.Reason, e.Terminal);
        lock (_delivery)
        {
            // Terminal (removed, banned, session ended, archived): never rejoin on our own.
            if (e.Terminal || CloseReasons.IsTerminal(e.Reason)) _rooms.Forget(e.RoomId);
            Raise(RoomEvents.RoomClosed, RoomClosed, e);
        }
    }

    /// <summary>Raises <paramref name="missed"/> then the parked live messages, each unseen one once and in sequence order. Call under the delivery lock.</summary>
    private int FinishRecovery(TrackedRoom room, IEnumerable<MessageView> missed)
    {
        var raised = 0;
        foreach (var m in missed.Concat(room.Parked.OrderBy(p => p.Sequence)))
        {
            if (!room.MarkSeen(m.Sequence)) continue;
            raised++;
            Raise(RoomEvents.MessageReceived, MessageReceived, m);
        }
        room.Parked.Clear();
        room.Recovering = false;
        return raised;
    }

    private async Task RejoinAllAsync()
    {
        TrackedRoom[] rooms;
        lock (_delivery)
        {
            rooms = _rooms.Snapshot();
            foreach (var room in rooms) room.Recovering = true;
        }
        ClientLog.Reconnected(_logger, rooms.Length);
        foreach (var room in rooms) await RejoinAsync(room).ConfigureAwait(false);
        lock (_delivery) Raise(nameof(Reconnected), Reconnected);
    }

    private async Task RejoinAsync(TrackedRoom room)
    {
        try
        {
            var response = await JoinCoreAsync(room, CancellationToken.None).ConfigureAwait(false);
            long highest;
            lock (_delivery) highest = room.HighestSequence;
            var newest = response.History.Count > 0 ? response.History[^1].Sequence : 0;
            // Sequence numbers only grow within a session; a newest message older than what we saw
            // (or none at all) means the session restarted while we were away.
            var restarted = highest > 0 && newest < highest;
            IReadOnlyList<MessageView> missed = response.Status != Core.Live.ParticipantStatus.InRoom ? []
                : restarted ? response.History
                : await GetHistoryAsync(room.RoomId, Math.Max(0, highest - _options.ReorderWindow)).ConfigureAwait(false);
            int raised;
            lock (_delivery)
            {
                if (_rooms.Find(room.RoomId) != room) return; // closed or left meanwhile
                if (restarted) room.ResetSequences();
                raised = FinishRecovery(room, missed);
                Raise(nameof(RoomRejoined), RoomRejoined, new RoomRejoined(response, raised, restarted));
            }
            ClientLog.RoomRejoined(_logger, room.RoomId, raised);
        }
        catch (PeerRoomsHubException ex) when (ex.Code != ErrorCodes.Unavailable && ex.Code != ErrorCodes.Internal)
        {
            ClientLog.RejoinRefused(_logger, room.RoomId, ex.Code);
            lock (_delivery)
            {
                if (_rooms.Find(room.RoomId) == room) _rooms.Forget(room.RoomId);
                room.Parked.Clear();
                room.Recovering = false;
                Raise(nameof(RoomRejoinFailed), RoomRejoinFailed, new RoomRejoinFailed(room.RoomId, ex));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection dropped again (or the server is briefly unavailable): keep the room;
            // the next reconnect rejoins it.
            ClientLog.RejoinInterrupted(_logger, room.RoomId, ex.GetType().Name);
            lock (_delivery) FinishRecovery(room, []);
        }
    }
}
