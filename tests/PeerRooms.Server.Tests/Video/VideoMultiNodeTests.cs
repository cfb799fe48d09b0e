using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;
using PeerRooms.Core.Video;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.Moderation;

namespace PeerRooms.Server.Tests.Video;

/// <summary>
/// The video session across two real nodes sharing a real Redis: the facilitator on node A, the
/// participant on node B. They see each other join, signal each other, and a facilitator's
/// force-off and removal on A reach B; a departure on B reaches A.
/// </summary>
public sealed class VideoMultiNodeTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Members_on_two_nodes_see_signal_and_moderate_each_other(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(cluster.A, protocol);
        var room = led.RoomId;
        var fac = led.FacilitatorJoin.ParticipantId;
        await using var pat = await cluster.B.ConnectAsync(Ids.User(), protocol);
        using var facJoined = led.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberJoined);
        using var facLeft = led.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberLeft);
        using var facSignals = led.Facilitator.Record<VideoSignalEvent>(VideoEvents.Signal);
        using var patSignals = pat.Record<VideoSignalEvent>(VideoEvents.Signal);
        using var patUpdates = pat.Record<VideoMemberView>(VideoEvents.VideoMemberUpdated);
        using var patRemoved = pat.Record<VideoRemovedEvent>(VideoEvents.VideoRemoved);
        var p = await pat.Join(room, "Pat");

        await led.Facilitator.JoinVideo(room);
        var patJoin = await pat.JoinVideo(room);
        Assert.Contains(patJoin.Members, m => m.ParticipantId == fac); // B sees the member joined on A
        await facJoined.NextAsync(v => v.ParticipantId == p.ParticipantId); // A hears of the member joined on B

        var offer = VideoKit.Offer();
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "offer", offer);
        Assert.Equal(offer, (await patSignals.NextAsync()).Payload);
        var answer = VideoKit.Answer();
        await pat.Call("SendSignal", room, fac, "answer", answer);
        var got = await facSignals.NextAsync();
        Assert.Equal((p.ParticipantId, "answer", answer), (got.FromParticipantId, got.Kind, got.Payload));

        Assert.True((await pat.Publish(room, true, true)).Audio);
        await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, p.ParticipantId, "mic");
        Assert.False((await patUpdates.NextAsync(v => v.MicForcedOff)).Audio);
        await pat.Call("SendSignal", room, fac, "offer", VideoKit.Offer(audio: "sendrecv")).ExpectErrorAsync(ErrorCodes.MediaForcedOff);

        await led.Facilitator.Call("RemoveFromVideo", room, p.ParticipantId);
        Assert.Equal(VideoRemovedReasons.RemovedFromVideo, (await patRemoved.NextAsync()).Reason);
        await facLeft.NextAsync(v => v.ParticipantId == p.ParticipantId);
        await pat.JoinVideo(room);
        await pat.Call("LeaveRoom", room);
        await facLeft.NextAsync(v => v.ParticipantId == p.ParticipantId);
        Assert.Equal([fac], (await led.Facilitator.JoinVideo(room)).Members.Select(m => m.ParticipantId));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task The_cap_holds_across_nodes(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(cluster.A, protocol);
        var room = led.RoomId;
        await led.Facilitator.JoinVideo(room);
        var people = new List<Microsoft.AspNetCore.SignalR.Client.HubConnection>();
        for (var i = 0; i < 10; i++)
        {
            var c = await (i % 2 == 0 ? cluster.A : cluster.B).ConnectAsync(Ids.User(), protocol);
            await c.Join(room, $"Member {i}");
            await c.JoinVideo(room);
            people.Add(c);
        }
        // Default cap 8: ten ask at once on two nodes, eight get video.
        var granted = await Task.WhenAll(people.Select(c => c.Publish(room, true, true)));
        Assert.Equal(8, granted.Count(v => v.Video));
        Assert.Equal(8, (await led.Facilitator.JoinVideo(room)).Members.Count(m => m.Video));
        foreach (var c in people) await c.DisposeAsync();
    }
}

/// <summary>The dead-node sweep also clears the dead node's people out of the video session and tells the room.</summary>
public sealed class VideoNodeLossTests(RedisFixture fixture) : IClassFixture<RedisFixture>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Video_members_of_a_node_whose_lease_lapsed_leave_the_video_session(HubProtocol protocol)
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
        var videoStore = new RedisVideoSessionStore(redis);

        var room = await node.CreateRoomAsync();
        await using var alice = await node.ConnectAsync(Ids.User(), protocol);
        using var videoLeft = alice.Record<VideoMemberView>(VideoEvents.VideoMemberLeft);
        await alice.Join(room, "Alice");
        await alice.JoinVideo(room);

        // A participant of a node that then died: in presence and in the video session.
        var ghost = new Participant { ParticipantId = "p_ghost", UserId = Ids.User(), DisplayName = "Ghost", JoinedAt = DateTimeOffset.UtcNow };
        await leases.AddRoomAsync("dead-node", room);
        await presence.JoinAsync(room, ghost, new ConnectionRef("ghost-connection", "dead-node"), 10);
        await videoStore.JoinAsync(room, new VideoMember(ghost.UserId, ghost.ParticipantId, Audio: true), 8);
        Assert.Equal(2, (await alice.JoinVideo(room)).Members.Length);
        await leases.RenewAsync("dead-node", [room], DateTimeOffset.UtcNow.AddSeconds(-30), TimeSpan.FromSeconds(15));

        Assert.Equal("p_ghost", (await videoLeft.NextAsync(v => v.RoomId == room)).ParticipantId);
        Assert.Single((await alice.JoinVideo(room)).Members);
        Assert.Null(await videoStore.GetAsync(room, ghost.UserId));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_stale_video_entry_of_someone_no_longer_admitted_is_dropped_at_the_next_join(HubProtocol protocol)
    {
        var prefix = RedisFixture.UniquePrefix();
        using var node = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Redis"] = fixture.Redis.Configuration,
            ["PeerRooms:RedisPrefix"] = prefix,
            ["PeerRooms:Video:MaxVideoPublishers"] = "1",
        });
        await using var redis = new RedisConnection(Options.Create(new PeerRoomsOptions { Redis = fixture.Redis.Configuration, RedisPrefix = prefix }));
        var videoStore = new RedisVideoSessionStore(redis);
        var room = await node.CreateRoomAsync();
        // Left behind by a departure whose clean-up failed: not in presence, yet holding the only video slot.
        await videoStore.JoinAsync(room, new VideoMember(Ids.User(), "p_stale", Audio: true) { WantsVideo = true }, 1);

        await using var alice = await node.ConnectAsync(Ids.User(), protocol);
        await alice.Join(room, "Alice");
        var joined = await alice.JoinVideo(room);
        Assert.DoesNotContain(joined.Members, m => m.ParticipantId == "p_stale");
        Assert.True((await alice.Publish(room, true, true)).Video); // the slot is free again
        await alice.Call("SendSignal", room, "p_stale", "ice", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.Forbidden);
    }
}
