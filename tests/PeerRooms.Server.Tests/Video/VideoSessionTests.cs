using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.Moderation;

namespace PeerRooms.Server.Tests.Video;

/// <summary>Video session server slice: signalling relay gate, payload bound, force-muted publishing.</summary>
public class VideoSessionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Signals_relay_only_between_admitted_video_members_of_the_same_room(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol, new { requireFacilitatorToStart = true, lobbyEnabled = true });
        var room = led.RoomId;
        await using var other = await LedRoom.StartAsync(Server, protocol);
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await using var lobby = await Server.ConnectAsync(Ids.User(), protocol);
        await using var outsider = await Server.ConnectAsync(Ids.User(), protocol);
        using var patSignals = pat.Record<VideoSignalEvent>(VideoEvents.Signal);
        using var otherSignals = other.Facilitator.Record<VideoSignalEvent>(VideoEvents.Signal);

        var p = await pat.Join(room, "Pat");
        await led.Facilitator.Call<RoomStateView>("Admit", room, p.ParticipantId);
        var waiting = await lobby.Join(room, "Lou");
        Assert.NotEqual("in_room", waiting.Status);
        var o = await outsider.Join(other.RoomId, "Out");

        var facJoin = await led.Facilitator.Call<JoinVideoResponse>("JoinVideo", room);
        Assert.False(facJoin.Self.Audio);
        Assert.False(facJoin.Self.Video);
        // Target admitted but not in the video session yet.
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "offer", VideoKit.Offer()).ExpectErrorAsync(ErrorCodes.Forbidden);

        var patJoin = await pat.Call<JoinVideoResponse>("JoinVideo", room);
        Assert.Equal(2, patJoin.Members.Length);
        var offer = VideoKit.Offer();
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "offer", offer);
        var signal = await patSignals.NextAsync(s => s.RoomId == room);
        Assert.Equal(led.FacilitatorJoin.ParticipantId, signal.FromParticipantId);
        Assert.Equal("offer", signal.Kind);
        Assert.Equal(offer, signal.Payload);

        // Lobby, other room, unknown: forbidden. The lobby cannot join video at all.
        await led.Facilitator.Call("SendSignal", room, waiting.ParticipantId, "ice", "c").ExpectErrorAsync(ErrorCodes.Forbidden);
        await led.Facilitator.Call("SendSignal", room, o.ParticipantId, "ice", "c").ExpectErrorAsync(ErrorCodes.Forbidden);
        await led.Facilitator.Call("SendSignal", room, other.FacilitatorJoin.ParticipantId, "ice", "c").ExpectErrorAsync(ErrorCodes.Forbidden);
        await lobby.Call<JoinVideoResponse>("JoinVideo", room).ExpectErrorAsync(ErrorCodes.InLobby);
        await lobby.Call("SendSignal", room, p.ParticipantId, "ice", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.Forbidden);
        // Someone who never joined this room is refused before anything is looked up.
        await outsider.Call("SendSignal", room, p.ParticipantId, "ice", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.NotMember);
        await outsider.Call<JoinVideoResponse>("JoinVideo", room).ExpectErrorAsync(ErrorCodes.NotMember);
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "bogus", "c").ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "offer", new string('x', 16 * 1024 + 1)).ExpectErrorAsync(ErrorCodes.MessageTooLong);

        // A removed participant is no longer reachable even though video membership is node-local.
        await led.Facilitator.Call<RoomStateView>("RemoveParticipant", room, p.ParticipantId);
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "ice", "c").ExpectErrorAsync(ErrorCodes.Forbidden);
        Assert.Single(patSignals.Seen);
        Assert.Empty(otherSignals.Seen);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_force_muted_participant_cannot_publish_that_medium(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        var p = await pat.Join(room, "Pat");
        await pat.Call<JoinVideoResponse>("JoinVideo", room);

        await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, p.ParticipantId, "mic");
        await pat.Call<VideoMemberView>("SetPublishing", room, true, false).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        var granted = await pat.Call<VideoMemberView>("SetPublishing", room, false, true);
        Assert.True(granted.Video);
        Assert.False(granted.Audio);

        await led.Facilitator.Call<RoomStateView>("AllowMedia", room, p.ParticipantId, "mic");
        Assert.True((await pat.Call<VideoMemberView>("SetPublishing", room, true, true)).Audio);
    }
}
