using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>
/// Disclosure rules hold when the people of one room are spread over two nodes sharing Redis:
/// attribute audiences and facilitator-only messages are filtered whichever node sends or receives.
/// </summary>
public sealed class CrossNodeDisclosureTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private PeerRoomsServer A => cluster.A;
    private PeerRoomsServer B => cluster.B;

    private static string[] Values(ParticipantView view) => view.Attributes.Select(a => a.Value).ToArray();

    [Theory, ClassData(typeof(Protocols))]
    public async Task Attribute_audiences_are_filtered_across_nodes(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await A.CreateRoomAsync(facilitators: [facilitatorId]);
        var other = await A.CreateRoomAsync("Other room");
        await using var facilitatorOnB = await B.ConnectAsync(facilitatorId, protocol);
        await using var peerOnB = await B.ConnectAsync(Ids.User(), protocol);
        await using var peerOnA = await A.ConnectAsync(Ids.User(), protocol);
        await using var riverOnA = await A.ConnectAsync(Ids.User(), protocol);
        await using var listenerOnB = await B.ConnectAsync(Ids.User(), protocol);
        using var facilitatorJoins = facilitatorOnB.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var facilitatorUpdates = facilitatorOnB.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var peerBJoins = peerOnB.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var peerBUpdates = peerOnB.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var peerBRaw = peerOnB.Record<object>(ModerationEvents.ParticipantUpdated);
        using var peerAUpdates = peerOnA.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var listenerUpdates = listenerOnB.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var listenerJoins = listenerOnB.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var listenerMessages = listenerOnB.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(listenerOnB, other, "Listener");
        await Join(facilitatorOnB, room, "Fay");
        await Join(peerOnB, room, "Peer B");
        await Join(peerOnA, room, "Peer A");

        var river = await Join(riverOnA, room, "River", [Attr("pronouns", "they/them", "everyone"), Attr("identity-tag", "veteran", "facilitators")]);
        Assert.Equal(["they/them", "veteran"], Values((await facilitatorJoins.NextAsync(e => e.Participant.ParticipantId == river.ParticipantId)).Participant));
        Assert.Equal(["they/them"], Values((await peerBJoins.NextAsync(e => e.Participant.ParticipantId == river.ParticipantId)).Participant));

        await SetAttributes(riverOnA, room, Attr("identity-tag", "parent", "facilitators"), Attr("preferred-language", "ar", "everyone"));
        Assert.Equal(["parent", "ar"], Values((await facilitatorUpdates.NextAsync()).Participant));
        Assert.Equal(["ar"], Values((await peerBUpdates.NextAsync()).Participant));
        Assert.Equal(["ar"], Values((await peerAUpdates.NextAsync()).Participant));
        Assert.DoesNotContain("parent", WireText(peerBRaw.Seen));
        Assert.Equal(["ar"], Values((await Roster(peerOnB, room)).Single(p => p.DisplayName == "River")));
        Assert.Equal(["parent", "ar"], Values((await Roster(facilitatorOnB, room)).Single(p => p.DisplayName == "River")));

        // A marker in the other room arrives after anything of this room would have.
        var marker = await Send(listenerOnB, other, "marker");
        await listenerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(listenerUpdates.Seen, e => e.RoomId == room);
        Assert.DoesNotContain(listenerJoins.Seen, e => e.RoomId == room);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Facilitator_only_messages_and_their_retraction_stay_with_facilitators_across_nodes(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await A.CreateRoomAsync(facilitators: [facilitatorId]);
        var senderId = Ids.User();
        await using var facilitatorOnB = await B.ConnectAsync(facilitatorId, protocol);
        await using var senderOnA = await A.ConnectAsync(senderId, protocol);
        await using var senderTabOnB = await B.ConnectAsync(senderId, protocol);
        await using var peerOnB = await B.ConnectAsync(Ids.User(), protocol);
        await using var peerOnA = await A.ConnectAsync(Ids.User(), protocol);
        using var facilitatorMessages = facilitatorOnB.Record<MessageView>(RoomEvents.MessageReceived);
        using var facilitatorRetractions = facilitatorOnB.Record<MessageRetractedEvent>(DisclosureEvents.MessageRetracted);
        using var senderTabMessages = senderTabOnB.Record<MessageView>(RoomEvents.MessageReceived);
        using var peerBMessages = peerOnB.Record<MessageView>(RoomEvents.MessageReceived);
        using var peerAMessages = peerOnA.Record<MessageView>(RoomEvents.MessageReceived);
        using var peerBRetractions = peerOnB.Record<MessageRetractedEvent>(DisclosureEvents.MessageRetracted);
        await Join(facilitatorOnB, room, "Fay");
        await Join(senderOnA, room, "Sam");
        await Join(senderTabOnB, room, "Sam");
        await Join(peerOnB, room, "Peer B");
        await Join(peerOnA, room, "Peer A");

        var secret = await Send(senderOnA, room, "only for the facilitator", audience: "facilitators", topics: ["substance-use"]);
        var seen = await facilitatorMessages.NextAsync(m => m.MessageId == secret.MessageId);
        Assert.Equal("facilitators", seen.Audience);
        Assert.Equal(["substance-use"], seen.SensitiveTopics);
        await senderTabMessages.NextAsync(m => m.MessageId == secret.MessageId);
        Assert.DoesNotContain(await History(peerOnB, room), m => m.MessageId == secret.MessageId);
        Assert.Contains(await History(facilitatorOnB, room), m => m.MessageId == secret.MessageId);

        await senderOnA.InvokeAsync("RetractMessage", room, secret.MessageId).WaitAsync(Timeouts.Default);
        await facilitatorRetractions.NextAsync(e => e.MessageId == secret.MessageId);
        Assert.DoesNotContain(await History(facilitatorOnB, room), m => m.MessageId == secret.MessageId);

        var marker = await Send(senderOnA, room, "hello everyone");
        await peerBMessages.NextAsync(m => m.MessageId == marker.MessageId);
        await peerAMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(peerBMessages.Seen, m => m.MessageId == secret.MessageId);
        Assert.DoesNotContain(peerAMessages.Seen, m => m.MessageId == secret.MessageId);
        Assert.Empty(peerBRetractions.Seen);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Content_preferences_follow_the_user_to_the_other_node(HubProtocol protocol)
    {
        var userId = Ids.User();
        await using var onA = await A.ConnectAsync(userId, protocol);
        await using var onB = await B.ConnectAsync(userId, protocol);
        await onA.InvokeAsync<ContentPreferences>("SetContentPreferences", new ContentPreferences { CollapsedTopics = ["trauma", "abuse"] }).WaitAsync(Timeouts.Default);
        Assert.Equal(["trauma", "abuse"], (await onB.InvokeAsync<ContentPreferences>("GetContentPreferences").WaitAsync(Timeouts.Default)).CollapsedTopics);
    }
}
