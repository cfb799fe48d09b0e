using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;

namespace PeerRooms.Server.Tests.ScaleOut;

/// <summary>
/// When shared presence loses a node's connections while they are still open (the node was swept
/// after a long partition, or Redis restarted without persistence), the node puts them back on its
/// next lease renewal and tells the room.
/// </summary>
public sealed class PresenceReassertTests : IAsyncLifetime
{
    private readonly RedisServerProcess _redis = new(); // no persistence: a restart loses everything
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private PeerRoomsServer _node = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        _node = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Redis"] = _redis.Configuration,
            ["PeerRooms:RedisPrefix"] = _prefix,
            ["PeerRooms:ScaleOut:LeaseRenewSeconds"] = "0.2",
            ["PeerRooms:ScaleOut:LeaseTtlSeconds"] = "30",
        });
    }

    public async Task DisposeAsync()
    {
        _node.Dispose();
        await _redis.DisposeAsync();
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_node_swept_while_alive_puts_its_participants_back(HubProtocol protocol)
    {
        var room = await _node.CreateRoomAsync();
        await using var alice = await _node.ConnectAsync(Ids.User(), protocol);
        await using var bob = await _node.ConnectAsync(Ids.User(), protocol);
        using var bobJoins = bob.Record<ParticipantJoinedEvent>(RoomEvents.ParticipantJoined);
        var a = await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        // Another node's sweeper takes this node for dead: its connections and its lease entry go.
        await using var redis = new RedisConnection(Options.Create(new PeerRoomsOptions { Redis = _redis.Configuration, RedisPrefix = _prefix }));
        var nodeId = _node.Services.GetRequiredService<NodeIdentity>().NodeId;
        await new RedisPresenceStore(redis).RemoveNodeConnectionsAsync(room, nodeId);
        await (await redis.DatabaseAsync()).SortedSetRemoveAsync(redis.Keys.Nodes, nodeId);

        var back = await bobJoins.NextAsync(e => e.RoomId == room && e.Participant.ParticipantId == a.ParticipantId);
        Assert.Equal("Alice", back.Participant.DisplayName);
        var roster = await alice.InvokeAsync<ParticipantView[]>("GetRoster", room).WaitAsync(Timeouts.Default);
        Assert.Equal(["Alice", "Bob"], roster.Select(p => p.DisplayName).Order());
        await Send(alice, room, "still here");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task After_redis_restarts_empty_the_node_restores_its_rosters(HubProtocol protocol)
    {
        var room = await _node.CreateRoomAsync();
        await using var alice = await _node.ConnectAsync(Ids.User(), protocol);
        await using var bob = await _node.ConnectAsync(Ids.User(), protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");
        await Send(alice, room, "before");

        await _redis.StopAsync();
        await Readiness.WaitForAsync(_node.Http, HttpStatusCode.ServiceUnavailable, Timeouts.Default);
        await _redis.StartAsync();
        await Readiness.WaitForAsync(_node.Http, HttpStatusCode.OK, Timeouts.Default);

        // Polling the node until its next lease renewal has re-asserted presence (bounded).
        var deadline = DateTime.UtcNow + Timeouts.Default;
        ParticipantView[] roster;
        while (true)
        {
            try
            {
                roster = await alice.InvokeAsync<ParticipantView[]>("GetRoster", room).WaitAsync(Timeouts.Default);
                if (roster.Length == 2) break;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex) when (HubErrorMessages.TryParseCode(ex.Message) is ErrorCodes.NotMember or ErrorCodes.Unavailable) { }
            Assert.True(DateTime.UtcNow < deadline, "presence was not restored");
            await Task.Delay(100);
        }
        Assert.Equal(["Alice", "Bob"], roster.Select(p => p.DisplayName).Order());

        // The backplane's subscriptions may still be restoring after the reconnect: a send can then
        // store the message yet answer "unavailable" (fan-out failed). A retry with the same client
        // message id is answered from the store; recipients recover such a gap from history.
        var clientId = Ids.Message();
        var ack = await SendUntilAcknowledgedAsync(alice, room, "after", clientId);
        Assert.Equal(1, ack.Sequence); // live history did not survive: a new sequence starts
        var history = await bob.InvokeAsync<MessageView[]>("GetHistory", room, 0L).WaitAsync(Timeouts.Default);
        Assert.Equal([ack.MessageId], history.Select(m => m.MessageId));
        var live = await SendUntilAcknowledgedAsync(alice, room, "live again", Ids.Message());
        await bobMessages.NextAsync(m => m.MessageId == live.MessageId);
    }

    private static async Task<SendMessageResponse> SendUntilAcknowledgedAsync(HubConnection c, string roomId, string text, string clientId)
    {
        var deadline = DateTime.UtcNow + Timeouts.Default;
        while (true)
        {
            try
            {
                return await c.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = roomId, ClientMessageId = clientId, Text = text }).WaitAsync(Timeouts.Default);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex) when (HubErrorMessages.TryParseCode(ex.Message) == ErrorCodes.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100); // waiting for the backplane's own reconnect, bounded
            }
        }
    }
}
