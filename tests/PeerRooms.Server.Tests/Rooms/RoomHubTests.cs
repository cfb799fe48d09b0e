using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;

namespace PeerRooms.Server.Tests.Rooms;

public class RoomHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Members_exchange_messages_and_nobody_outside_the_room_receives_them(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var other = await Server.CreateRoomAsync("Other room");
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        await using var listener = await Server.ConnectAsync(Ids.User(), protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerMessages = listener.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerJoins = listener.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        await Join(listener, other, "Listener");

        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");
        var ack = await Send(alice, room, "hello from alice");
        var received = await bobMessages.NextAsync(m => m.MessageId == ack.MessageId);
        Assert.Equal("hello from alice", received.Text);
        Assert.Equal("Alice", received.DisplayName);
        Assert.Equal(room, received.RoomId);

        // The listener in another room sends a marker; once it arrives, anything from the first room would have too.
        var marker = await Send(listener, other, "marker");
        await listenerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(listenerMessages.Seen, m => m.RoomId == room);
        Assert.DoesNotContain(listenerJoins.Seen, e => e.RoomId == room);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Roster_events_follow_joins_and_leaves(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var joins = alice.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var leaves = alice.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);

        var a = await Join(alice, room, "Alice");
        Assert.Single(a.Roster);
        var b = await Join(bob, room, "Bob");
        Assert.Equal(["Alice", "Bob"], b.Roster.Select(p => p.DisplayName));
        var joined = await joins.NextAsync(e => e.RoomId == room);
        Assert.Equal(b.ParticipantId, joined.Participant.ParticipantId);
        Assert.Equal("Bob", joined.Participant.DisplayName);

        await bob.InvokeAsync("LeaveRoom", room).WaitAsync(Timeouts.Default);
        var left = await leaves.NextAsync(e => e.RoomId == room);
        Assert.Equal(b.ParticipantId, left.ParticipantId);
        var roster = await alice.InvokeAsync<ParticipantView[]>("GetRoster", room).WaitAsync(Timeouts.Default);
        Assert.Equal(["Alice"], roster.Select(p => p.DisplayName));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Disconnecting_leaves_every_room(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var leaves = alice.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);
        await Join(alice, room, "Alice");
        var b = await Join(bob, room, "Bob");
        await bob.DisposeAsync();
        var left = await leaves.NextAsync(e => e.RoomId == room);
        Assert.Equal(b.ParticipantId, left.ParticipantId);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Two_tabs_of_one_user_are_one_participant(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var user = Ids.User();
        await using var observer = await Server.ConnectAsync(Ids.User(), protocol);
        await using var tab1 = await Server.ConnectAsync(user, protocol);
        var tab2 = await Server.ConnectAsync(user, protocol);
        using var joins = observer.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var leaves = observer.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);
        using var tab2Messages = tab2.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(observer, room, "Observer");

        var first = await Join(tab1, room, "Sam");
        var second = await Join(tab2, room, "Sam");
        Assert.Equal(first.ParticipantId, second.ParticipantId);
        Assert.Equal(2, second.Roster.Count);

        // Both tabs receive the room's messages.
        var ack = await Send(observer, room, "to both tabs");
        await tab2Messages.NextAsync(m => m.MessageId == ack.MessageId);

        // Closing one tab does not make the participant leave; closing the last one does.
        await tab2.DisposeAsync();
        var marker = await Send(observer, room, "marker");
        Assert.Single(joins.Seen, e => e.Participant.ParticipantId == first.ParticipantId);
        var roster = await observer.InvokeAsync<ParticipantView[]>("GetRoster", room).WaitAsync(Timeouts.Default);
        Assert.Contains(roster, p => p.ParticipantId == first.ParticipantId);
        await tab1.StopAsync();
        var left = await leaves.NextAsync(e => e.RoomId == room);
        Assert.Equal(first.ParticipantId, left.ParticipantId);
        Assert.True(marker.Sequence > 0);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task The_same_client_message_id_is_stored_and_delivered_once(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        var id = Ids.Message();
        var first = await Send(alice, room, "only once", id);
        var again = await Send(alice, room, "only once", id);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(first.Sequence, again.Sequence);

        var marker = await Send(alice, room, "marker");
        await bobMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.Single(bobMessages.Seen, m => m.ClientMessageId == id);
        var history = await bob.InvokeAsync<MessageView[]>("GetHistory", room, 0L).WaitAsync(Timeouts.Default);
        Assert.Single(history, m => m.ClientMessageId == id);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Late_joiners_get_recent_history_in_order(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(alice, room, "Alice");
        for (var i = 1; i <= 3; i++) await Send(alice, room, $"message {i}");

        await using var late = await Server.ConnectAsync(Ids.User(), protocol);
        var joined = await Join(late, room, "Late");
        Assert.Equal(["message 1", "message 2", "message 3"], joined.History.Select(m => m.Text));
        Assert.True(joined.History.Zip(joined.History.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));

        var missed = await late.InvokeAsync<MessageView[]>("GetHistory", room, joined.History[1].Sequence).WaitAsync(Timeouts.Default);
        Assert.Equal(["message 3"], missed.Select(m => m.Text));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Typing_reaches_others(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var typing = bob.Record<TypingEvent>(RoomEvents.Typing);
        var a = await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");
        await alice.InvokeAsync("SetTyping", room, true).WaitAsync(Timeouts.Default);
        var e = await typing.NextAsync();
        Assert.Equal(a.ParticipantId, e.ParticipantId);
        Assert.True(e.Typing);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Bad_arguments_fail_with_a_code_and_leave_the_connection_usable(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync(capacity: 2);
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);

        await Join(alice, "no-such-room", "Alice").ExpectErrorAsync(ErrorCodes.NotFound);
        await Join(alice, "bad room id!", "Alice").ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await Join(alice, room, "").ExpectErrorAsync(ErrorCodes.InvalidDisplayName);
        await Join(alice, room, new string('x', 200)).ExpectErrorAsync(ErrorCodes.InvalidDisplayName);
        await alice.InvokeAsync<JoinRoomResponse>("JoinRoom", (JoinRoomRequest?)null).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await Send(alice, room, "not joined yet").ExpectErrorAsync(ErrorCodes.NotMember);
        await alice.InvokeAsync("LeaveRoom", room).ExpectErrorAsync(ErrorCodes.NotMember);

        await Join(alice, room, "Alice");
        await Join(bob, room, "alice").ExpectErrorAsync(ErrorCodes.DisplayNameTaken);
        await Send(alice, room, new string('x', 4001)).ExpectErrorAsync(ErrorCodes.MessageTooLong);
        await Send(alice, room, "   ").ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await Send(alice, room, "ok", "bad id with spaces").ExpectErrorAsync(ErrorCodes.InvalidArgument);
        // Lone surrogates cannot survive UTF-8 on the wire; control characters can, and are refused.
        await Send(alice, room, "bell \u0007 character").ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await alice.InvokeAsync<MessageView[]>("GetHistory", room, -1L).ExpectErrorAsync(ErrorCodes.InvalidArgument);

        // Nothing was stored by the refused calls, and the connection still works.
        var history = await alice.InvokeAsync<MessageView[]>("GetHistory", room, 0L).WaitAsync(Timeouts.Default);
        Assert.Empty(history);
        var ok = await Send(alice, room, "still here");
        Assert.False(ok.Duplicate);
        Assert.Equal(HubConnectionState.Connected, alice.State);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_full_room_refuses_new_participants(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync(capacity: 2);
        await using var a = await Server.ConnectAsync(Ids.User(), protocol);
        await using var b = await Server.ConnectAsync(Ids.User(), protocol);
        await using var c = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(a, room, "A");
        await Join(b, room, "B");
        await Join(c, room, "C").ExpectErrorAsync(ErrorCodes.RoomFull);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_connection_may_join_several_rooms_up_to_the_limit(HubProtocol protocol)
    {
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        for (var i = 0; i < 5; i++) await Join(alice, await Server.CreateRoomAsync($"Room {i}"), "Alice");
        await Join(alice, await Server.CreateRoomAsync("One too many"), "Alice").ExpectErrorAsync(ErrorCodes.TooManyRooms);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Unauthenticated_connections_are_refused(HubProtocol protocol)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Server.ConnectWithTokenAsync(null, protocol));
        await Assert.ThrowsAnyAsync<Exception>(() => Server.ConnectWithTokenAsync("not-a-token", protocol));
    }
}
