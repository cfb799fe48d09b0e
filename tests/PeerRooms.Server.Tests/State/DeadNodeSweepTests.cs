using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Live;
using PeerRooms.Server.State;

namespace PeerRooms.Server.Tests.State;

/// <summary>The sweep rule, with time under the test's control.</summary>
public sealed class DeadNodeSweepTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryNodeLeaseStore _leases = new();
    private readonly InMemoryPresenceStore _presence = new();

    private DeadNodeSweep Sweep => new(_leases, _presence, _time);

    private static Participant P(string user) => new() { ParticipantId = "p_" + user, UserId = user, DisplayName = user };

    private async Task JoinAsync(string room, string user, string connection, string node)
    {
        await _leases.AddRoomAsync(node, room);
        await _presence.JoinAsync(room, P(user), new ConnectionRef(connection, node), 10);
    }

    [Fact]
    public async Task Only_nodes_whose_lease_lapsed_are_swept_and_each_departure_is_reported_once()
    {
        await _leases.RenewAsync("a", [], _time.GetUtcNow(), Ttl);
        await _leases.RenewAsync("b", [], _time.GetUtcNow(), Ttl);
        await JoinAsync("r1", "ann", "c1", "a");
        await JoinAsync("r2", "ann", "c2", "a");
        await JoinAsync("r1", "both", "c3", "a");
        await JoinAsync("r1", "both", "c4", "b");
        await JoinAsync("r1", "bea", "c5", "b");

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(await Sweep.SweepAsync("b"));
        await _leases.RenewAsync("b", [], _time.GetUtcNow(), Ttl); // b is alive, a stopped renewing

        _time.Advance(TimeSpan.FromSeconds(5)); // exactly at a's lease end: not yet expired
        Assert.Empty(await Sweep.SweepAsync("b"));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var departures = await Sweep.SweepAsync("b");
        Assert.Equal([("r1", "ann"), ("r2", "ann")], departures.Select(d => (d.RoomId, d.Participant.UserId)).Order());
        Assert.All(departures, d => Assert.Equal("a", d.NodeId));
        Assert.Equal(["bea", "both"], (await _presence.GetRosterAsync("r1")).Select(p => p.UserId).Order());
        Assert.Equal([new ConnectionRef("c4", "b")], await _presence.GetConnectionsAsync("r1", "both"));

        Assert.Empty(await Sweep.SweepAsync("b")); // the dead node was forgotten
        Assert.Empty(await _leases.RoomsAsync("a"));
    }

    [Fact]
    public async Task A_node_never_sweeps_itself()
    {
        await _leases.RenewAsync("a", [], _time.GetUtcNow(), Ttl);
        await JoinAsync("r1", "ann", "c1", "a");
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await Sweep.SweepAsync("a"));
        Assert.Single(await _presence.GetRosterAsync("r1"));
    }

    [Fact]
    public async Task A_node_that_renews_after_being_listed_as_expired_is_not_forgotten()
    {
        await _leases.RenewAsync("a", ["r1"], _time.GetUtcNow(), Ttl);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(["a"], await _leases.ExpiredAsync(_time.GetUtcNow()));
        await _leases.RenewAsync("a", ["r1"], _time.GetUtcNow(), Ttl);
        Assert.False(await _leases.ForgetAsync("a", _time.GetUtcNow()));
        Assert.Equal(["r1"], await _leases.RoomsAsync("a"));
    }
}
