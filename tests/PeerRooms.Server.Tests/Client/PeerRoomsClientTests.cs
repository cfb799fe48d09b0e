using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Client;

/// <summary>The typed .NET client (src/PeerRooms.Client) against a real node, under both protocols.</summary>
public class PeerRoomsClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private async Task<PeerRoomsClient> ConnectAsync(string userId, HubProtocol protocol, ControlledTransport? transport = null, string role = "participant")
    {
        var token = await Server.TokenAsync(userId, role);
        var client = new PeerRoomsClient(new PeerRoomsClientOptions
        {
            Server = Server.BaseAddress,
            Protocol = protocol == HubProtocol.MessagePack ? WireProtocol.MessagePack : WireProtocol.Json,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            RetryPolicy = new JitteredRetryPolicy(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30)),
            ConfigureHttpConnection = transport is null ? null : transport.Configure,
        });
        await client.StartAsync().WaitAsync(Timeouts.Default);
        return client;
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Members_exchange_messages_through_typed_calls_and_events(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var other = await Server.CreateRoomAsync("Other room");
        await using var alice = await ConnectAsync(Ids.User(), protocol);
        await using var bob = await ConnectAsync(Ids.User(), protocol);
        await using var listener = await ConnectAsync(Ids.User(), protocol);
        var bobMessages = new EventRecorder<MessageView>();
        var aliceJoins = new EventRecorder<ParticipantJoinedEvent>();
        var bobTyping = new EventRecorder<TypingEvent>();
        var listenerMessages = new EventRecorder<MessageView>();
        bob.MessageReceived += bobMessages.Add;
        bob.Typing += bobTyping.Add;
        alice.ParticipantJoined += aliceJoins.Add;
        listener.MessageReceived += listenerMessages.Add;
        await listener.JoinRoomAsync(other, "Listener").WaitAsync(Timeouts.Default);

        var joined = await alice.JoinRoomAsync(room, "Alice").WaitAsync(Timeouts.Default);
        Assert.Equal(room, joined.RoomId);
        await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);
        Assert.Equal("Bob", (await aliceJoins.NextAsync(e => e.RoomId == room)).Participant.DisplayName);

        await alice.SetTypingAsync(room, true).WaitAsync(Timeouts.Default);
        Assert.True((await bobTyping.NextAsync(e => e.RoomId == room)).Typing);
        var ack = await alice.SendMessageAsync(room, "hello from alice").WaitAsync(Timeouts.Default);
        var received = await bobMessages.NextAsync(m => m.MessageId == ack.MessageId);
        Assert.Equal(("hello from alice", "Alice", ack.Sequence), (received.Text, received.DisplayName, received.Sequence));

        var roster = await bob.GetRosterAsync(room).WaitAsync(Timeouts.Default);
        Assert.Equal(["Alice", "Bob"], roster.Select(p => p.DisplayName));
        var history = await bob.GetHistoryAsync(room, 0).WaitAsync(Timeouts.Default);
        Assert.Equal([ack.MessageId], history.Select(m => m.MessageId));

        var marker = await listener.SendMessageAsync(other, "marker").WaitAsync(Timeouts.Default);
        await listenerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(listenerMessages.Seen, m => m.RoomId == room);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Refused_calls_surface_typed_catalogue_codes_and_the_connection_stays_usable(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await ConnectAsync(Ids.User(), protocol);

        var notMember = await Assert.ThrowsAsync<PeerRoomsHubException>(() => alice.SendMessageAsync(room, "hi").WaitAsync(Timeouts.Default));
        Assert.Equal((ErrorCodes.NotMember, "SendMessage"), (notMember.Code, notMember.Method));
        Assert.Equal("you are not in this room", notMember.Message);
        var notFound = await Assert.ThrowsAsync<PeerRoomsHubException>(() => alice.JoinRoomAsync("r_missing", "Alice").WaitAsync(Timeouts.Default));
        Assert.Equal(ErrorCodes.NotFound, notFound.Code);
        Assert.Empty(alice.JoinedRoomIds);

        await alice.JoinRoomAsync(room, "Alice").WaitAsync(Timeouts.Default);
        var tooLong = await Assert.ThrowsAsync<PeerRoomsHubException>(() => alice.SendMessageAsync(room, new string('x', 4001)).WaitAsync(Timeouts.Default));
        Assert.Equal(ErrorCodes.MessageTooLong, tooLong.Code);
        var ok = await alice.SendMessageAsync(room, "still connected").WaitAsync(Timeouts.Default);
        Assert.False(ok.Duplicate);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Disclosure_notices_and_retraction_reach_the_typed_client(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await ConnectAsync(Ids.User(), protocol);
        await using var bob = await ConnectAsync(Ids.User(), protocol);
        var bobMessages = new EventRecorder<MessageView>();
        var bobRetractions = new EventRecorder<MessageRetractedEvent>();
        bob.MessageReceived += bobMessages.Add;
        bob.MessageRetracted += bobRetractions.Add;
        await alice.JoinRoomAsync(room, "Alice").WaitAsync(Timeouts.Default);
        await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);

        var ack = await alice.SendMessageAsync(room, "text me on 555-123-4567 after the meeting").WaitAsync(Timeouts.Default);
        Assert.Contains(ack.Notices, n => n.Kind == NoticeKinds.PiiMasked);
        var received = await bobMessages.NextAsync(m => m.MessageId == ack.MessageId);
        Assert.DoesNotContain("555-123-4567", received.Text);

        await alice.RetractMessageAsync(room, ack.MessageId).WaitAsync(Timeouts.Default);
        Assert.Equal(ack.MessageId, (await bobRetractions.NextAsync(e => e.RoomId == room)).MessageId);
        Assert.Empty(await bob.GetHistoryAsync(room).WaitAsync(Timeouts.Default));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task After_a_dropped_connection_it_rejoins_with_the_same_name_and_raises_missed_messages_once(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var transport = new ControlledTransport();
        await using var alice = await ConnectAsync(Ids.User(), protocol, transport);
        await using var bob = await ConnectAsync(Ids.User(), protocol);
        var aliceMessages = new EventRecorder<MessageView>();
        var reconnecting = new EventRecorder<Exception?>();
        var rejoined = new EventRecorder<RoomRejoined>();
        var reconnected = new EventRecorder<bool>();
        var bobJoins = new EventRecorder<ParticipantJoinedEvent>();
        alice.MessageReceived += aliceMessages.Add;
        alice.Reconnecting += reconnecting.Add;
        alice.RoomRejoined += rejoined.Add;
        alice.Reconnected += () => reconnected.Add(true);
        bob.ParticipantJoined += bobJoins.Add;
        await alice.JoinRoomAsync(room, "Alice").WaitAsync(Timeouts.Default);
        await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);
        var before = await bob.SendMessageAsync(room, "before the drop").WaitAsync(Timeouts.Default);
        await aliceMessages.NextAsync(m => m.MessageId == before.MessageId);

        transport.HoldReconnects();
        transport.Drop();
        await reconnecting.NextAsync();
        var missed = new List<SendMessageResponse>();
        for (var i = 0; i < 3; i++) missed.Add(await bob.SendMessageAsync(room, $"missed {i}").WaitAsync(Timeouts.Default));
        transport.ReleaseReconnects();

        var again = await rejoined.NextAsync(r => r.Response.RoomId == room);
        await reconnected.NextAsync();
        Assert.Equal(3, again.MissedMessages);
        Assert.False(again.SessionRestarted);
        Assert.Equal(2, transport.Connects);
        Assert.Contains(again.Response.Roster, p => p.DisplayName == "Alice");
        // Bob saw Alice leave (the server noticed the drop) and join again under the same name.
        Assert.Equal("Alice", (await bobJoins.NextAsync(e => e.Participant.ParticipantId == again.Response.ParticipantId)).Participant.DisplayName);

        var after = await bob.SendMessageAsync(room, "after the reconnect").WaitAsync(Timeouts.Default);
        await aliceMessages.NextAsync(m => m.MessageId == after.MessageId);
        Assert.Equal([before.MessageId, .. missed.Select(m => m.MessageId), after.MessageId],
            aliceMessages.Seen.Select(m => m.MessageId));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_terminal_room_close_stops_rejoining_that_room_only(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var closedRoom = await Server.CreateRoomAsync("Closed", facilitators: [facilitatorId]);
        var keptRoom = await Server.CreateRoomAsync("Kept");
        var transport = new ControlledTransport();
        await using var alice = await ConnectAsync(Ids.User(), protocol, transport);
        await using var facilitator = await ConnectAsync(facilitatorId, protocol, role: "facilitator");
        var closed = new EventRecorder<RoomClosedEvent>();
        var rejoined = new EventRecorder<RoomRejoined>();
        var refused = new EventRecorder<RoomRejoinFailed>();
        var reconnected = new EventRecorder<bool>();
        var facilitatorJoins = new EventRecorder<ParticipantJoinedEvent>();
        var facilitatorMessages = new EventRecorder<MessageView>();
        alice.RoomClosed += closed.Add;
        alice.RoomRejoined += rejoined.Add;
        alice.RoomRejoinFailed += refused.Add;
        alice.Reconnected += () => reconnected.Add(true);
        facilitator.ParticipantJoined += facilitatorJoins.Add;
        facilitator.MessageReceived += facilitatorMessages.Add;
        Assert.Equal("facilitator", (await facilitator.JoinRoomAsync(closedRoom, "Jordan").WaitAsync(Timeouts.Default)).Role);
        await facilitator.StartSessionAsync(closedRoom).WaitAsync(Timeouts.Default);
        var inClosed = await alice.JoinRoomAsync(closedRoom, "Alice").WaitAsync(Timeouts.Default);
        await alice.JoinRoomAsync(keptRoom, "Alice").WaitAsync(Timeouts.Default);
        await facilitatorJoins.NextAsync(e => e.Participant.DisplayName == "Alice");

        await facilitator.RemoveParticipantAsync(closedRoom, inClosed.ParticipantId).WaitAsync(Timeouts.Default);
        var close = await closed.NextAsync();
        Assert.Equal((closedRoom, CloseReasons.Removed, true), (close.RoomId, close.Reason, close.Terminal));
        Assert.Equal([keptRoom], alice.JoinedRoomIds);

        transport.Drop();
        var again = await rejoined.NextAsync();
        await reconnected.NextAsync();
        Assert.Equal(keptRoom, again.Response.RoomId);
        Assert.DoesNotContain(rejoined.Seen, r => r.Response.RoomId == closedRoom);
        Assert.Empty(refused.Seen);

        // Once a marker from the closed room reaches the facilitator, a rejoin would have been announced too.
        var marker = await facilitator.SendMessageAsync(closedRoom, "marker").WaitAsync(Timeouts.Default);
        await facilitatorMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.Single(facilitatorJoins.Seen, e => e.Participant.DisplayName == "Alice");
        Assert.DoesNotContain(await facilitator.GetRosterAsync(closedRoom).WaitAsync(Timeouts.Default), p => p.DisplayName == "Alice");
        Assert.DoesNotContain(await facilitator.GetLobbyAsync(closedRoom).WaitAsync(Timeouts.Default), p => p.DisplayName == "Alice");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_room_that_refuses_the_rejoin_is_reported_and_forgotten(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var transport = new ControlledTransport();
        await using var alice = await ConnectAsync(Ids.User(), protocol, transport);
        var failed = new EventRecorder<RoomRejoinFailed>();
        var reconnecting = new EventRecorder<Exception?>();
        var reconnected = new EventRecorder<bool>();
        alice.RoomRejoinFailed += failed.Add;
        alice.Reconnecting += reconnecting.Add;
        alice.Reconnected += () => reconnected.Add(true);
        await alice.JoinRoomAsync(room, "Alice").WaitAsync(Timeouts.Default);

        transport.HoldReconnects();
        transport.Drop();
        await reconnecting.NextAsync();
        await ArchiveAsync(room);
        transport.ReleaseReconnects();

        var failure = await failed.NextAsync();
        await reconnected.NextAsync();
        Assert.Equal((room, ErrorCodes.RoomArchived), (failure.RoomId, failure.Error.Code));
        Assert.Empty(alice.JoinedRoomIds);
        Assert.Equal(HubConnectionState.Connected, alice.State);
    }

    private async Task ArchiveAsync(string roomId)
    {
        var admin = await Server.TokenAsync("admin-1", "admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rooms/{roomId}/archive");
        request.Headers.Authorization = new("Bearer", admin);
        using var response = await Server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
