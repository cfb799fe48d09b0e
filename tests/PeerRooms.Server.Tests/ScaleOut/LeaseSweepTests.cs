using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.ScaleOut;

/// <summary>
/// A running node sweeps a dead node's participants out of Redis and tells the room. The dead node
/// is simulated by writing its presence and an already-lapsed lease straight into the shared Redis
/// (the process-level tests kill a real node with SIGKILL).
/// </summary>
public sealed class LeaseSweepTests(RedisFixture fixture) : IClassFixture<RedisFixture>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Participants_of_a_node_whose_lease_lapsed_leave_and_the_room_is_told(HubProtocol protocol)
    {
        var prefix = RedisFixture.UniquePrefix();
        using var node = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Redis"] = fixture.Redis.Configuration,
            ["PeerRooms:RedisPrefix"] = prefix,
            ["PeerRooms:ScaleOut:SweepIntervalSeconds"] = "0.2",
        });
        await using var redis = new RedisConnection(Options.Create(new PeerRoomsOptions { Redis = fixture.Redis.Configuration, RedisPrefix = prefix }));
        var presence = new RedisPresenceStore(redis);
        var leases = new RedisNodeLeaseStore(redis);

        var room = await node.CreateRoomAsync();
        await using var alice = await node.ConnectAsync(Ids.User(), protocol);
        using var leaves = alice.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);
        await alice.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Alice" }).WaitAsync(Timeouts.Default);

        var ghost = new Participant { ParticipantId = "p_ghost", UserId = Ids.User(), DisplayName = "Ghost", JoinedAt = DateTimeOffset.UtcNow };
        await leases.AddRoomAsync("dead-node", room);
        await presence.JoinAsync(room, ghost, new ConnectionRef("ghost-connection", "dead-node"), 10);
        Assert.Equal(2, (await presence.GetRosterAsync(room)).Count);
        await leases.RenewAsync("dead-node", [room], DateTimeOffset.UtcNow.AddSeconds(-30), TimeSpan.FromSeconds(15));

        var left = await leaves.NextAsync(e => e.RoomId == room);
        Assert.Equal("p_ghost", left.ParticipantId);
        var roster = await alice.InvokeAsync<ParticipantView[]>("GetRoster", room).WaitAsync(Timeouts.Default);
        Assert.Equal(["Alice"], roster.Select(p => p.DisplayName));
        Assert.Empty(await leases.RoomsAsync("dead-node"));
    }
}
