using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Moderation;

/// <summary>
/// Two nodes on one real Redis sharing one FakeTimeProvider, so time-based rules can be driven
/// across nodes without sleeping. Node leases are long so advancing time never sweeps a live node.
/// </summary>
public sealed class FakeTimeCluster : IAsyncLifetime
{
    private readonly TwoNodeCluster _cluster = new();
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    public PeerRoomsServer A { get; private set; } = null!;
    public PeerRoomsServer B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _cluster.Redis.StartAsync();
        var leases = new Dictionary<string, string?>
        {
            ["PeerRooms:ScaleOut:LeaseRenewSeconds"] = "300",
            ["PeerRooms:ScaleOut:LeaseTtlSeconds"] = "3600",
            ["PeerRooms:ScaleOut:SweepIntervalSeconds"] = "300",
        };
        var time = Time;
        A = _cluster.StartNode("fa", leases, b => b.ConfigureTestServices(s => FakeTimeServerFixture.UseFakeTime(s, time)));
        await A.CreateRoomAsync("migrate first");
        B = _cluster.StartNode("fb", leases, b => b.ConfigureTestServices(s => FakeTimeServerFixture.UseFakeTime(s, time)));
    }

    public async Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        await _cluster.Redis.DisposeAsync();
    }
}

/// <summary>Slow mode, timeouts and share timers hold across nodes.</summary>
public sealed class MultiNodeTimedRulesTests(FakeTimeCluster cluster) : IClassFixture<FakeTimeCluster>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Slow_mode_timeouts_and_share_timers_hold_across_nodes(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(cluster.A, protocol);
        var room = led.RoomId;
        var patId = Ids.User();
        await using var patOnB = await cluster.B.ConnectAsync(patId, protocol);
        await using var patOnA = await cluster.A.ConnectAsync(patId, protocol);
        var rexId = Ids.User();
        await using var rexOnB = await cluster.B.ConnectAsync(rexId, protocol);
        using var endsOnB = rexOnB.Record<ShareTimerEndedEvent>(ModerationEvents.ShareTimerEnded);
        using var endsOnA = led.Facilitator.Record<ShareTimerEndedEvent>(ModerationEvents.ShareTimerEnded);
        var p = await patOnB.Join(room, "Pat");
        await patOnA.Join(room, "Pat");
        var r = await rexOnB.Join(room, "Rex");

        // One message per interval per participant, whichever node each tab uses.
        await led.Facilitator.Call<RoomStateView>("SetSlowMode", room, 20);
        await patOnB.Send(room, "from B");
        await patOnA.Send(room, "from A").ExpectErrorAsync(ErrorCodes.SlowMode);
        cluster.Time.Advance(TimeSpan.FromSeconds(20));
        await patOnA.Send(room, "from A");

        // The share timer given on node A ends once, for members on both nodes.
        var floor = await led.Facilitator.Call<RoomStateView>("GiveFloor", room, p.ParticipantId, 120);
        cluster.Time.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(p.ParticipantId, (await endsOnB.NextAsync(e => e.RoomId == room)).ParticipantId);
        await endsOnA.NextAsync(e => e.RoomId == room);
        var marker = await led.Facilitator.Call<RoomStateView>("GiveFloor", room, r.ParticipantId, 1);
        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        await endsOnB.NextAsync(e => e.RoomId == room && e.ParticipantId == r.ParticipantId);
        Assert.Single(endsOnB.Seen, e => e.RoomId == room && e.ParticipantId == p.ParticipantId);
        Assert.True(marker.Floor!.EndsAt > floor.Floor!.EndsAt);

        // A timeout given on node A binds the user on node B and on node A, until it ends.
        await led.Facilitator.Call("TimeoutParticipant", room, r.ParticipantId, 3);
        await rexOnB.Join(room, "Rex").ExpectErrorAsync(ErrorCodes.TimedOut);
        await using (var viaA = await cluster.A.ConnectAsync(rexId, protocol)) await viaA.Join(room, "Rex").ExpectErrorAsync(ErrorCodes.TimedOut);
        cluster.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal("room", (await rexOnB.Join(room, "Rex")).Status);
    }
}
