using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>
/// Personal attributes reach only their audience: every roster entry and participant event is
/// filtered per recipient, and the participant always sees all of their own.
/// </summary>
public class AttributeAudienceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private static readonly AttributeView[] RiverShares =
    [
        Attr("pronouns", "they/them", "everyone"),
        Attr("identity-tag", "veteran", "facilitators"),
        Attr("in-recovery-since", "2022-04", "nobody"),
    ];

    private static string[] Values(ParticipantView view) => view.Attributes.Select(a => a.Value).ToArray();

    [Theory, ClassData(typeof(Protocols))]
    public async Task Each_recipient_sees_only_what_the_audience_allows(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId]);
        var other = await Server.CreateRoomAsync("Other room");
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol);
        await using var peer = await Server.ConnectAsync(Ids.User(), protocol);
        await using var river = await Server.ConnectAsync(Ids.User(), protocol);
        await using var listener = await Server.ConnectAsync(Ids.User(), protocol);
        using var facilitatorJoins = facilitator.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var peerJoins = peer.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var peerRaw = peer.Record<object>(RoomEvents.ParticipantJoined);
        using var listenerJoins = listener.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var listenerUpdates = listener.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var listenerMessages = listener.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(listener, other, "Listener");
        Assert.Equal("facilitator", (await Join(facilitator, room, "Facilitator Fay")).Role);
        await Join(peer, room, "Peer");

        var joined = await Join(river, room, "River", RiverShares);
        Assert.Equal(["they/them", "veteran", "2022-04"], Values(joined.Roster.Single(p => p.ParticipantId == joined.ParticipantId)));
        Assert.Equal(["they/them", "veteran"], Values((await facilitatorJoins.NextAsync(e => e.Participant.ParticipantId == joined.ParticipantId)).Participant));
        Assert.Equal(["they/them"], Values((await peerJoins.NextAsync(e => e.Participant.ParticipantId == joined.ParticipantId)).Participant));
        var peerWire = WireText(await peerRaw.NextAsync());
        Assert.DoesNotContain("veteran", peerWire);
        Assert.DoesNotContain("2022-04", peerWire);

        // Rosters, as each of them asks for it.
        Assert.Equal(["they/them", "veteran"], Values((await Roster(facilitator, room)).Single(p => p.DisplayName == "River")));
        Assert.Equal(["they/them"], Values((await Roster(peer, room)).Single(p => p.DisplayName == "River")));
        Assert.Equal(["they/them", "veteran", "2022-04"], Values((await Roster(river, room)).Single(p => p.DisplayName == "River")));
        Assert.DoesNotContain("veteran", WireText(await peer.InvokeAsync<object>("GetRoster", room).WaitAsync(Timeouts.Default)));

        // Nothing of this room reached the listener in another room.
        var marker = await Send(listener, other, "marker");
        await listenerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(listenerJoins.Seen, e => e.RoomId == room);
        Assert.DoesNotContain(listenerUpdates.Seen, e => e.RoomId == room);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Changing_attributes_later_is_filtered_per_recipient_too(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId]);
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol);
        await using var peer = await Server.ConnectAsync(Ids.User(), protocol);
        var riverId = Ids.User();
        await using var river = await Server.ConnectAsync(riverId, protocol);
        await using var riverTab2 = await Server.ConnectAsync(riverId, protocol);
        using var facilitatorUpdates = facilitator.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var peerUpdates = peer.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var peerRaw = peer.Record<object>(ModerationEvents.ParticipantUpdated);
        using var tab2Updates = riverTab2.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        await Join(facilitator, room, "Fay");
        await Join(peer, room, "Peer");
        await Join(river, room, "River");
        await Join(riverTab2, room, "River");

        var self = await SetAttributes(river, room,
            Attr("identity-tag", "LGBTQ+", "everyone"), Attr("identity-tag", "parent", "facilitators"), Attr("preferred-language", "es", "nobody"));
        Assert.Equal(["LGBTQ+", "parent", "es"], Values(self));
        Assert.Equal(["LGBTQ+", "parent"], Values((await facilitatorUpdates.NextAsync()).Participant));
        Assert.Equal(["LGBTQ+"], Values((await peerUpdates.NextAsync()).Participant));
        Assert.Equal(["LGBTQ+", "parent", "es"], Values((await tab2Updates.NextAsync()).Participant));
        Assert.DoesNotContain("parent", WireText(peerRaw.Seen));

        // Narrowing an audience takes effect at once.
        await SetAttributes(river, room, Attr("identity-tag", "LGBTQ+", "facilitators"));
        Assert.Empty((await peerUpdates.NextAsync()).Participant.Attributes);
        Assert.Empty((await Roster(peer, room)).Single(p => p.DisplayName == "River").Attributes);
        Assert.Equal(["LGBTQ+"], Values((await Roster(facilitator, room)).Single(p => p.DisplayName == "River")));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_facilitators_own_facilitator_only_attributes_stay_away_from_participants(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var coId = Ids.User("co");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId, coId]);
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol);
        await using var co = await Server.ConnectAsync(coId, protocol);
        await using var peer = await Server.ConnectAsync(Ids.User(), protocol);
        using var coJoins = co.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        using var peerJoins = peer.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        await Join(co, room, "Co");
        await Join(peer, room, "Peer");
        var fay = await Join(facilitator, room, "Fay", [Attr("in-recovery-since", "2010-01", "facilitators")]);
        Assert.Equal(["2010-01"], Values((await coJoins.NextAsync(e => e.Participant.ParticipantId == fay.ParticipantId)).Participant));
        Assert.Empty((await peerJoins.NextAsync(e => e.Participant.ParticipantId == fay.ParticipantId)).Participant.Attributes);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Invalid_attributes_are_refused_and_change_nothing(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var river = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(river, room, "River", [Attr("pronouns", "he/him", "public")]).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await Join(river, room, "River", [Attr("identity-tag", "call 555 123 4567", "everyone")]).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        Assert.Equal(["he/him"], Values((await Join(river, room, "River", [Attr("pronouns", "he/him", "everyone")])).Roster.Single()));

        await SetAttributes(river, room, Attr("in-recovery-since", "2999-01", "everyone")).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await SetAttributes(river, room, Attr("shoe-size", "9", "everyone")).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await river.InvokeAsync<ParticipantView>("SetAttributes", new SetAttributesRequest { RoomId = "not-joined", Attributes = [] }).ExpectErrorAsync(ErrorCodes.NotMember);
        Assert.Equal(["he/him"], Values((await Roster(river, room)).Single()));
        Assert.Equal(HubConnectionState.Connected, river.State);
    }
}
