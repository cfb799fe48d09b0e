using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;

namespace PeerRooms.Server.Tests.ScaleOut;

/// <summary>Two real nodes sharing a real Redis: a room behaves as one room whichever node each member uses.</summary>
public sealed class MultiNodeTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private PeerRoomsServer A => cluster.A;
    private PeerRoomsServer B => cluster.B;

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_message_sent_on_one_node_reaches_members_on_the_other_and_no_other_room(HubProtocol protocol)
    {
        var room = await A.CreateRoomAsync();
        var other = await A.CreateRoomAsync("Other room");
        await using var alice = await A.ConnectAsync(Ids.User(), protocol);
        await using var bob = await B.ConnectAsync(Ids.User(), protocol);
        await using var listenerA = await A.ConnectAsync(Ids.User(), protocol);
        await using var listenerB = await B.ConnectAsync(Ids.User(), protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerAMessages = listenerA.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerBMessages = listenerB.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerBJoins = listenerB.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        await Join(listenerA, other, "Listener A");
        await Join(listenerB, other, "Listener B");

        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");
        var ack = await Send(alice, room, "hello across nodes");
        var received = await bobMessages.NextAsync(m => m.MessageId == ack.MessageId);
        Assert.Equal("hello across nodes", received.Text);
        Assert.Equal(ack.Sequence, received.Sequence);

        var reply = await Send(bob, room, "hello back");
        Assert.Equal(ack.Sequence + 1, reply.Sequence); // one sequence per room, whichever node stores

        // A marker in the other room, sent from each node, arrives after anything of the first room would have.
        var markerA = await Send(listenerB, other, "marker");
        await listenerAMessages.NextAsync(m => m.MessageId == markerA.MessageId);
        await listenerBMessages.NextAsync(m => m.MessageId == markerA.MessageId);
        Assert.DoesNotContain(listenerAMessages.Seen, m => m.RoomId == room);
        Assert.DoesNotContain(listenerBMessages.Seen, m => m.RoomId == room);
        Assert.DoesNotContain(listenerBJoins.Seen, e => e.RoomId == room);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Both_nodes_see_the_same_roster_and_roster_events_cross_nodes(HubProtocol protocol)
    {
        var room = await A.CreateRoomAsync();
        await using var alice = await A.ConnectAsync(Ids.User(), protocol);
        var bob = await B.ConnectAsync(Ids.User(), protocol);
        using var joins = alice.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var leaves = alice.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);

        await Join(alice, room, "Alice");
        var b = await Join(bob, room, "Bob");
        Assert.Equal(["Alice", "Bob"], b.Roster.Select(p => p.DisplayName));
        Assert.Equal(b.ParticipantId, (await joins.NextAsync(e => e.RoomId == room)).Participant.ParticipantId);

        var onA = await Roster(alice, room);
        var onB = await Roster(bob, room);
        Assert.Equal(onA.Select(p => (p.ParticipantId, p.DisplayName)), onB.Select(p => (p.ParticipantId, p.DisplayName)));

        await bob.DisposeAsync();
        Assert.Equal(b.ParticipantId, (await leaves.NextAsync(e => e.RoomId == room)).ParticipantId);
        Assert.Equal(["Alice"], (await Roster(alice, room)).Select(p => p.DisplayName));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_retry_through_the_other_node_is_stored_and_delivered_once(HubProtocol protocol)
    {
        var room = await A.CreateRoomAsync();
        var sam = Ids.User();
        await using var samOnA = await A.ConnectAsync(sam, protocol);
        await using var samOnB = await B.ConnectAsync(sam, protocol);
        await using var kim = await A.ConnectAsync(Ids.User(), protocol);
        using var kimMessages = kim.Record<MessageView>(RoomEvents.MessageReceived);
        var first = await Join(samOnA, room, "Sam");
        var second = await Join(samOnB, room, "Sam");
        Assert.Equal(first.ParticipantId, second.ParticipantId); // one participant, two nodes
        await Join(kim, room, "Kim");

        var clientId = Ids.Message();
        var original = await Send(samOnA, room, "only once", clientId);
        var retry = await Send(samOnB, room, "only once", clientId);
        Assert.False(original.Duplicate);
        Assert.True(retry.Duplicate);
        Assert.Equal(original.MessageId, retry.MessageId);
        Assert.Equal(original.Sequence, retry.Sequence);

        var marker = await Send(samOnB, room, "marker");
        await kimMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.Single(kimMessages.Seen, m => m.MessageId == original.MessageId);
        var history = await kim.InvokeAsync<MessageView[]>("GetHistory", room, 0L).WaitAsync(Timeouts.Default);
        Assert.Equal([original.MessageId, marker.MessageId], history.Select(m => m.MessageId));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Names_and_capacity_hold_across_nodes(HubProtocol protocol)
    {
        var room = await A.CreateRoomAsync(capacity: 2);
        await using var first = await A.ConnectAsync(Ids.User(), protocol);
        await using var sameName = await B.ConnectAsync(Ids.User(), protocol);
        await using var second = await B.ConnectAsync(Ids.User(), protocol);
        await using var third = await A.ConnectAsync(Ids.User(), protocol);
        await Join(first, room, "River");
        await Join(sameName, room, "RIVER").ExpectErrorAsync(ErrorCodes.DisplayNameTaken);
        await Join(second, room, "Stone");
        await Join(third, room, "Leaf").ExpectErrorAsync(ErrorCodes.RoomFull);
        Assert.Equal(["River", "Stone"], (await Roster(second, room)).Select(p => p.DisplayName));
    }
}
