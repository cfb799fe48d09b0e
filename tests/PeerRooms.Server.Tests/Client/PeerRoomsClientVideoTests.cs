using System.Text.Json;
using PeerRooms.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Client;

/// <summary>The typed .NET client's video methods and events against a real node, under both protocols.</summary>
public class PeerRoomsClientVideoTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private async Task<PeerRoomsClient> ConnectAsync(string userId, HubProtocol protocol, string role = "participant")
    {
        var token = await Server.TokenAsync(userId, role);
        var client = new PeerRoomsClient(new PeerRoomsClientOptions
        {
            Server = Server.BaseAddress,
            Protocol = protocol == HubProtocol.MessagePack ? WireProtocol.MessagePack : WireProtocol.Json,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
        });
        await client.StartAsync().WaitAsync(Timeouts.Default);
        return client;
    }

    private static string Sdp(string type, string audioDirection, string videoDirection) => JsonSerializer.Serialize(new
    {
        type,
        sdp = $"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na={audioDirection}\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na={videoDirection}\r\n",
    });

    [Theory, ClassData(typeof(Protocols))]
    public async Task Two_clients_join_video_publish_and_signal_and_a_facilitator_uses_the_video_tools(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId]);
        var other = await Server.CreateRoomAsync("Other room");
        await using var fac = await ConnectAsync(facilitatorId, protocol, "facilitator");
        await using var alice = await ConnectAsync(Ids.User(), protocol);
        await using var bob = await ConnectAsync(Ids.User(), protocol);
        await using var listener = await ConnectAsync(Ids.User(), protocol);
        await using var listenerPeer = await ConnectAsync(Ids.User(), protocol);

        var aliceJoined = new EventRecorder<VideoMemberView>();
        var aliceUpdated = new EventRecorder<VideoMemberView>();
        var aliceLeft = new EventRecorder<VideoMemberView>();
        var aliceSignals = new EventRecorder<VideoSignalEvent>();
        var bobSignals = new EventRecorder<VideoSignalEvent>();
        var bobRemoved = new EventRecorder<VideoRemovedEvent>();
        var listenerJoined = new EventRecorder<VideoMemberView>();
        var listenerOther = new List<object>();
        alice.VideoMemberJoined += aliceJoined.Add;
        alice.VideoMemberUpdated += aliceUpdated.Add;
        alice.VideoMemberLeft += aliceLeft.Add;
        alice.Signal += aliceSignals.Add;
        bob.Signal += bobSignals.Add;
        bob.VideoRemoved += bobRemoved.Add;
        listener.VideoMemberJoined += listenerJoined.Add;
        listener.VideoMemberUpdated += e => { lock (listenerOther) listenerOther.Add(e); };
        listener.VideoMemberLeft += e => { lock (listenerOther) listenerOther.Add(e); };
        listener.Signal += e => { lock (listenerOther) listenerOther.Add(e); };
        listener.VideoRemoved += e => { lock (listenerOther) listenerOther.Add(e); };

        await listener.JoinRoomAsync(other, "Listener").WaitAsync(Timeouts.Default);
        await listener.JoinVideoAsync(other).WaitAsync(Timeouts.Default);
        await fac.JoinRoomAsync(room, "Facilitator").WaitAsync(Timeouts.Default);
        var a = await alice.JoinRoomAsync(room, "Alice").WaitAsync(Timeouts.Default);
        var b = await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);

        // Join: mic and camera off, mesh provider; the other member hears of the newcomer.
        var aliceVideo = await alice.JoinVideoAsync(room).WaitAsync(Timeouts.Default);
        Assert.Equal((a.ParticipantId, false, false), (aliceVideo.Self.ParticipantId, aliceVideo.Self.Audio, aliceVideo.Self.Video));
        Assert.Equal("mesh", aliceVideo.Provider);
        Assert.Null(aliceVideo.Sfu);
        var bobVideo = await bob.JoinVideoAsync(room).WaitAsync(Timeouts.Default);
        Assert.Equal(new[] { a.ParticipantId, b.ParticipantId }.Order(StringComparer.Ordinal), bobVideo.Members.Select(m => m.ParticipantId).Order(StringComparer.Ordinal));
        Assert.Equal(room, (await aliceJoined.NextAsync(m => m.ParticipantId == b.ParticipantId)).RoomId);

        // Publish: granted state returned, and members see it.
        var granted = await bob.SetPublishingAsync(room, true, true).WaitAsync(Timeouts.Default);
        Assert.True(granted.Audio && granted.Video);
        var seen = await aliceUpdated.NextAsync(m => m.ParticipantId == b.ParticipantId && m.Video);
        Assert.True(seen.Audio);

        // Signal both ways: offer, answer, ICE candidate; payloads arrive unchanged, from the right participant.
        var offer = Sdp("offer", "sendrecv", "sendrecv");
        await bob.SendSignalAsync(room, a.ParticipantId, "offer", offer).WaitAsync(Timeouts.Default);
        var gotOffer = await aliceSignals.NextAsync(s => s.RoomId == room);
        Assert.Equal((b.ParticipantId, "offer", offer), (gotOffer.FromParticipantId, gotOffer.Kind, gotOffer.Payload));
        var answer = Sdp("answer", "recvonly", "recvonly");
        await alice.SendSignalAsync(room, b.ParticipantId, "answer", answer).WaitAsync(Timeouts.Default);
        var gotAnswer = await bobSignals.NextAsync(s => s.Kind == "answer");
        Assert.Equal((a.ParticipantId, answer), (gotAnswer.FromParticipantId, gotAnswer.Payload));
        const string candidate = """{"candidate":"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host","sdpMid":"0","sdpMLineIndex":0}""";
        await alice.SendSignalAsync(room, b.ParticipantId, "ice", candidate).WaitAsync(Timeouts.Default);
        Assert.Equal(candidate, (await bobSignals.NextAsync(s => s.Kind == "ice")).Payload);

        // Typed refusals: a participant cannot use facilitator video tools; a bad signal kind is invalid.
        var refused = await Assert.ThrowsAsync<PeerRoomsHubException>(() => alice.RemoveFromVideoAsync(room, b.ParticipantId).WaitAsync(Timeouts.Default));
        Assert.Equal((ErrorCodes.Forbidden, "RemoveFromVideo"), (refused.Code, refused.Method));
        var invalid = await Assert.ThrowsAsync<PeerRoomsHubException>(() => alice.SendSignalAsync(room, b.ParticipantId, "bogus", "{}").WaitAsync(Timeouts.Default));
        Assert.Equal(ErrorCodes.InvalidArgument, invalid.Code);

        // Facilitator tools: spotlight, lower all hands, remove from video.
        var spot = await fac.SetVideoSpotlightAsync(room, a.ParticipantId, true).WaitAsync(Timeouts.Default);
        Assert.True(spot.Spotlight);
        Assert.True((await aliceUpdated.NextAsync(m => m.ParticipantId == a.ParticipantId && m.Spotlight)).Spotlight);
        await alice.RaiseHandAsync(room).WaitAsync(Timeouts.Default);
        await bob.RaiseHandAsync(room).WaitAsync(Timeouts.Default);
        Assert.Empty((await fac.LowerAllHandsAsync(room).WaitAsync(Timeouts.Default)).HandQueue);
        await fac.RemoveFromVideoAsync(room, b.ParticipantId).WaitAsync(Timeouts.Default);
        var removed = await bobRemoved.NextAsync(e => e.RoomId == room);
        Assert.Equal("removed_from_video", removed.Reason);
        Assert.Equal(b.ParticipantId, (await aliceLeft.NextAsync(m => m.ParticipantId == b.ParticipantId)).ParticipantId);
        var notInVideo = await Assert.ThrowsAsync<PeerRoomsHubException>(() => bob.SetPublishingAsync(room, true, false).WaitAsync(Timeouts.Default));
        Assert.Equal(ErrorCodes.Forbidden, notInVideo.Code);
        await alice.LeaveVideoAsync(room).WaitAsync(Timeouts.Default);

        // The listener in another room heard nothing of this room: once the marker (a join in its own room) arrived, anything earlier would have too.
        await listenerPeer.JoinRoomAsync(other, "Peer").WaitAsync(Timeouts.Default);
        var marker = await listenerPeer.JoinVideoAsync(other).WaitAsync(Timeouts.Default);
        await listenerJoined.NextAsync(m => m.ParticipantId == marker.Self.ParticipantId);
        Assert.DoesNotContain(listenerJoined.Seen, m => m.RoomId == room);
        lock (listenerOther) Assert.Empty(listenerOther);
    }
}
