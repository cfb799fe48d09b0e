using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>Content warnings, sharing with facilitators only, and retracting one's own messages.</summary>
public class MessageDisclosureTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Sensitive_messages_arrive_flagged_live_and_in_history(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        var ack = await Send(alice, room, "I want to talk about last year", topics: ["grief", "self-harm", "grief"]);
        var received = await bobMessages.NextAsync(m => m.MessageId == ack.MessageId);
        Assert.Equal(["self-harm", "grief"], received.SensitiveTopics);
        var plain = await Send(alice, room, "and something lighter");
        Assert.Empty((await bobMessages.NextAsync(m => m.MessageId == plain.MessageId)).SensitiveTopics);
        Assert.Equal(["self-harm", "grief"], (await History(bob, room)).Single(m => m.MessageId == ack.MessageId).SensitiveTopics);

        await Send(alice, room, "x", topics: ["spiders"]).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        Assert.Equal(2, (await History(bob, room)).Length);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Collapse_preferences_are_stored_per_user_and_returned(HubProtocol protocol)
    {
        var userId = Ids.User();
        await using var tab1 = await Server.ConnectAsync(userId, protocol);
        await using var tab2 = await Server.ConnectAsync(userId, protocol);
        await using var someoneElse = await Server.ConnectAsync(Ids.User(), protocol);
        Assert.Empty((await tab1.InvokeAsync<ContentPreferences>("GetContentPreferences").WaitAsync(Timeouts.Default)).CollapsedTopics!);

        var stored = await tab1.InvokeAsync<ContentPreferences>("SetContentPreferences", new ContentPreferences { CollapsedTopics = ["suicide", "eating", "suicide"] }).WaitAsync(Timeouts.Default);
        Assert.Equal(["suicide", "eating"], stored.CollapsedTopics);
        Assert.Equal(["suicide", "eating"], (await tab2.InvokeAsync<ContentPreferences>("GetContentPreferences").WaitAsync(Timeouts.Default)).CollapsedTopics);
        Assert.Empty((await someoneElse.InvokeAsync<ContentPreferences>("GetContentPreferences").WaitAsync(Timeouts.Default)).CollapsedTopics!);

        await tab1.InvokeAsync<ContentPreferences>("SetContentPreferences", new ContentPreferences { CollapsedTopics = ["gore"] }).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        Assert.Equal(["suicide", "eating"], (await tab1.InvokeAsync<ContentPreferences>("GetContentPreferences").WaitAsync(Timeouts.Default)).CollapsedTopics);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Facilitator_only_messages_reach_facilitators_and_the_sender_only(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId]);
        var other = await Server.CreateRoomAsync("Other room");
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol);
        var senderId = Ids.User();
        await using var sender = await Server.ConnectAsync(senderId, protocol);
        await using var senderTab2 = await Server.ConnectAsync(senderId, protocol);
        await using var peer = await Server.ConnectAsync(Ids.User(), protocol);
        await using var listener = await Server.ConnectAsync(Ids.User(), protocol);
        using var facilitatorMessages = facilitator.Record<MessageView>(RoomEvents.MessageReceived);
        using var senderMessages = sender.Record<MessageView>(RoomEvents.MessageReceived);
        using var tab2Messages = senderTab2.Record<MessageView>(RoomEvents.MessageReceived);
        using var peerMessages = peer.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerMessages = listener.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(listener, other, "Listener");
        await Join(facilitator, room, "Fay");
        await Join(sender, room, "Sam");
        await Join(senderTab2, room, "Sam");
        await Join(peer, room, "Peer");

        var ack = await Send(sender, room, "I relapsed last night, please don't share", audience: "facilitators");
        Assert.Equal("facilitators", (await facilitatorMessages.NextAsync(m => m.MessageId == ack.MessageId)).Audience);
        await senderMessages.NextAsync(m => m.MessageId == ack.MessageId);
        await tab2Messages.NextAsync(m => m.MessageId == ack.MessageId);

        // A message to everyone after it arrives at the peer; the private one never did.
        var marker = await Send(sender, room, "hi everyone");
        Assert.Equal("everyone", (await peerMessages.NextAsync(m => m.MessageId == marker.MessageId)).Audience);
        Assert.DoesNotContain(peerMessages.Seen, m => m.MessageId == ack.MessageId);
        Assert.DoesNotContain(await History(peer, room), m => m.MessageId == ack.MessageId);
        Assert.Contains(await History(facilitator, room), m => m.MessageId == ack.MessageId);
        Assert.Contains(await History(sender, room), m => m.MessageId == ack.MessageId);
        await using var late = await Server.ConnectAsync(Ids.User(), protocol);
        Assert.DoesNotContain((await Join(late, room, "Late")).History, m => m.MessageId == ack.MessageId);

        var listenerMarker = await Send(listener, other, "marker");
        await listenerMessages.NextAsync(m => m.MessageId == listenerMarker.MessageId);
        Assert.DoesNotContain(listenerMessages.Seen, m => m.RoomId == room);

        await Send(sender, room, "x", audience: "crisis-team").ExpectErrorAsync(ErrorCodes.InvalidArgument);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task An_author_retracts_their_message_from_every_client_and_from_history(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var bobRetractions = bob.Record<MessageRetractedEvent>(DisclosureEvents.MessageRetracted);
        using var aliceRetractions = alice.Record<MessageRetractedEvent>(DisclosureEvents.MessageRetracted);
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");
        var regret = await Send(alice, room, "I said too much");
        var keep = await Send(alice, room, "this one stays");

        await bob.InvokeAsync("RetractMessage", room, regret.MessageId).ExpectErrorAsync(ErrorCodes.Forbidden);
        await alice.InvokeAsync("RetractMessage", room, "m_nonexistent").ExpectErrorAsync(ErrorCodes.NotFound);
        Assert.Equal(2, (await History(bob, room)).Length);

        await alice.InvokeAsync("RetractMessage", room, regret.MessageId).WaitAsync(Timeouts.Default);
        Assert.Equal(regret.MessageId, (await bobRetractions.NextAsync()).MessageId);
        Assert.Equal(regret.MessageId, (await aliceRetractions.NextAsync()).MessageId);
        Assert.Equal([keep.MessageId], (await History(bob, room)).Select(m => m.MessageId));
        await using var late = await Server.ConnectAsync(Ids.User(), protocol);
        Assert.Equal([keep.MessageId], (await Join(late, room, "Late")).History.Select(m => m.MessageId));
        await alice.InvokeAsync("RetractMessage", room, regret.MessageId).ExpectErrorAsync(ErrorCodes.NotFound);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Retracting_a_facilitator_only_message_tells_only_those_who_saw_it(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId]);
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol);
        await using var sender = await Server.ConnectAsync(Ids.User(), protocol);
        await using var peer = await Server.ConnectAsync(Ids.User(), protocol);
        using var facilitatorRetractions = facilitator.Record<MessageRetractedEvent>(DisclosureEvents.MessageRetracted);
        using var peerRetractions = peer.Record<MessageRetractedEvent>(DisclosureEvents.MessageRetracted);
        using var peerMessages = peer.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(facilitator, room, "Fay");
        await Join(sender, room, "Sam");
        await Join(peer, room, "Peer");
        var secret = await Send(sender, room, "private", audience: "facilitators");
        await sender.InvokeAsync("RetractMessage", room, secret.MessageId).WaitAsync(Timeouts.Default);
        await facilitatorRetractions.NextAsync(e => e.MessageId == secret.MessageId);
        var marker = await Send(sender, room, "marker");
        await peerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.Empty(peerRetractions.Seen);
    }
}
