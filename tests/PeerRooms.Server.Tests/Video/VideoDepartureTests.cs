using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.Moderation;

namespace PeerRooms.Server.Tests.Video;

/// <summary>
/// Everyone who stops being an admitted member of the room also leaves its video session, and the
/// remaining video members hear VideoMemberLeft (to close that peer connection): LeaveVideo,
/// LeaveRoom, the last connection going away, removal, timeout, ban, send-to-lobby, session end.
/// </summary>
public class VideoDepartureTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Every_way_out_of_the_room_drops_the_member_from_video(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await led.Facilitator.JoinVideo(room);
        using var left = led.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberLeft);
        using var joined = led.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberJoined);
        await using var other = await LedRoom.StartAsync(Server, protocol);
        using var listener = other.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberLeft);

        var members = new List<(HubConnection C, JoinRoomResponse J)>();
        foreach (var name in new[] { "Quits", "Leaves", "Drops", "Removed", "Timed", "Banned", "Lobbied" })
        {
            var m = await VideoKit.VideoMemberAsync(Server, protocol, led, name);
            await m.Connection.Publish(room, true, false);
            members.Add(m);
        }
        await joined.NextAsync(v => v.ParticipantId == members[^1].J.ParticipantId);
        var pid = members.Select(m => m.J.ParticipantId).ToArray();
        using var lobbiedRemoved = members[6].C.Record<VideoRemovedEvent>(VideoEvents.VideoRemoved);

        await members[0].C.Call("LeaveVideo", room);
        await left.NextAsync(v => v.ParticipantId == pid[0]);
        await members[1].C.Call("LeaveRoom", room);
        await left.NextAsync(v => v.ParticipantId == pid[1]);
        await members[2].C.DisposeAsync(); // their only connection
        await left.NextAsync(v => v.ParticipantId == pid[2]);
        await led.Facilitator.Call("RemoveParticipant", room, pid[3]);
        await left.NextAsync(v => v.ParticipantId == pid[3]);
        await led.Facilitator.Call("TimeoutParticipant", room, pid[4], 5);
        await left.NextAsync(v => v.ParticipantId == pid[4]);
        await led.Facilitator.Call("BanParticipant", room, pid[5], false);
        await left.NextAsync(v => v.ParticipantId == pid[5]);
        // Nobody can signal the banned participant any more (nor could they signal anyone).
        await led.Facilitator.Call("SendSignal", room, pid[5], "ice", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.Forbidden);
        await led.Facilitator.Call("SendToLobby", room, pid[6]);
        var gone = await left.NextAsync(v => v.ParticipantId == pid[6]);
        Assert.False(gone.Audio); // the departure view publishes nothing
        Assert.Equal(VideoRemovedReasons.SentToLobby, (await lobbiedRemoved.NextAsync()).Reason);
        // In the lobby: no video at all.
        await members[6].C.JoinVideo(room).ExpectErrorAsync(ErrorCodes.InLobby);

        var now = await led.Facilitator.JoinVideo(room);
        Assert.Equal([led.FacilitatorJoin.ParticipantId], now.Members.Select(m => m.ParticipantId));
        Assert.Equal(pid.Length, left.Seen.Count); // each exactly once

        // The other room heard nothing of it: its own departure arrives, and is all there is.
        await using var visitor = await Server.ConnectAsync(Ids.User(), protocol);
        await visitor.Join(other.RoomId, "Visitor");
        await other.Facilitator.JoinVideo(other.RoomId);
        await visitor.JoinVideo(other.RoomId);
        await visitor.Call("LeaveVideo", other.RoomId);
        await listener.NextAsync(v => v.RoomId == other.RoomId);
        Assert.DoesNotContain(listener.Seen, v => v.RoomId == room);
        foreach (var (c, _) in members) await c.DisposeAsync();
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Ending_the_session_empties_the_video_session(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var (pat, _) = await VideoKit.VideoMemberAsync(Server, protocol, led, "Pat");
        await using var _p = pat;
        await led.Facilitator.JoinVideo(room);
        await led.Facilitator.Call<RoomStateView>("EndSession", room);

        // Everyone was ejected with the session; the next session's video starts empty.
        var again = await led.Facilitator.Join(room, "Facilitator");
        await led.Facilitator.Call<RoomStateView>("StartSession", room);
        var members = (await led.Facilitator.JoinVideo(room)).Members;
        Assert.Equal([again.ParticipantId], members.Select(m => m.ParticipantId));
    }
}
