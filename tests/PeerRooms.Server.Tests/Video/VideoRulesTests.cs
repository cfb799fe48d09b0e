using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.Moderation;

namespace PeerRooms.Server.Tests.Video;

/// <summary>
/// The video session's rules over a real node (mesh cap 2): cap and spotlight precedence, entry
/// policy, facilitator force-off reaching the video state and the SDP gate, RemoveFromVideo, and
/// refused calls that change nothing.
/// </summary>
public class VideoRulesTests(SmallMeshFixture fixture) : IClassFixture<SmallMeshFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task The_cap_makes_late_publishers_audio_only_and_a_spotlight_takes_a_slot(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var other = await LedRoom.StartAsync(Server, protocol);
        using var listener = other.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberUpdated);
        using var facUpdates = led.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberUpdated);
        await led.Facilitator.JoinVideo(room);
        var (a, aJoin) = await VideoKit.VideoMemberAsync(Server, protocol, led, "Ann");
        var (b, bJoin) = await VideoKit.VideoMemberAsync(Server, protocol, led, "Bea");
        var (c, cJoin) = await VideoKit.VideoMemberAsync(Server, protocol, led, "Cal");
        await using var _a = a; await using var _b = b; await using var _c = c;
        using var bUpdates = b.Record<VideoMemberView>(VideoEvents.VideoMemberUpdated);

        Assert.True((await a.Publish(room, true, true)).Video);
        Assert.True((await b.Publish(room, true, true)).Video);
        var capped = await c.Publish(room, true, true);
        Assert.True(capped.Audio);
        Assert.False(capped.Video); // audio-only: the cap is full
        await facUpdates.NextAsync(v => v.ParticipantId == cJoin.ParticipantId && v.Audio && !v.Video);

        var spot = await led.Facilitator.Call<VideoMemberView>("SetVideoSpotlight", room, cJoin.ParticipantId, true);
        Assert.True(spot.Spotlight);
        Assert.True(spot.Video);
        // Bea was granted last, so she gives up her slot and is told so.
        var demoted = await bUpdates.NextAsync(v => v.ParticipantId == bJoin.ParticipantId && !v.Video);
        Assert.True(demoted.Audio);
        Assert.False(demoted.Spotlight);
        var members = (await led.Facilitator.JoinVideo(room)).Members;
        Assert.Equal(new[] { aJoin.ParticipantId, cJoin.ParticipantId }.Order(), members.Where(m => m.Video).Select(m => m.ParticipantId).Order());
        // Bea asking again is refused by the cap (both slots taken) without an error.
        Assert.False((await b.Publish(room, true, true)).Video);

        // Nothing of this room reached the other room: its own video event arrives, and is all there is.
        await other.Facilitator.JoinVideo(other.RoomId);
        await other.Facilitator.Publish(other.RoomId, true, false);
        await listener.NextAsync(v => v.RoomId == other.RoomId);
        Assert.DoesNotContain(listener.Seen, v => v.RoomId == room);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Room_policy_may_turn_media_on_at_entry_but_never_a_forced_off_one(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol, new { requireFacilitatorToStart = true, videoMicOnEntry = true, videoCameraOnEntry = true });
        var room = led.RoomId;
        var self = (await led.Facilitator.JoinVideo(room)).Self;
        Assert.True(self.Audio && self.Video);
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        var p = await pat.Join(room, "Pat");
        await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, p.ParticipantId, "mic");
        var patSelf = (await pat.JoinVideo(room)).Self;
        Assert.False(patSelf.Audio);
        Assert.True(patSelf.MicForcedOff);
        Assert.True(patSelf.Video);

        // The default room: both off.
        await using var plain = await LedRoom.StartAsync(Server, protocol);
        var plainSelf = (await plain.Facilitator.JoinVideo(plain.RoomId)).Self;
        Assert.False(plainSelf.Audio || plainSelf.Video || plainSelf.MicForcedOff || plainSelf.Spotlight);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Force_off_switches_the_medium_off_and_the_sdp_gate_refuses_to_renegotiate_it(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await led.Facilitator.JoinVideo(room);
        var (pat, p) = await VideoKit.VideoMemberAsync(Server, protocol, led, "Pat");
        await using var _ = pat;
        using var patUpdates = pat.Record<VideoMemberView>(VideoEvents.VideoMemberUpdated);
        using var facUpdates = led.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberUpdated);
        using var facSignals = led.Facilitator.Record<VideoSignalEvent>(VideoEvents.Signal);
        var fac = led.FacilitatorJoin.ParticipantId;
        Assert.True((await pat.Publish(room, true, true)) is { Audio: true, Video: true });
        Assert.Contains((await pat.State(room)).Media, m => m.ParticipantId == p.ParticipantId && m.MicOn && m.CameraOn);

        await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, p.ParticipantId, "mic");
        var told = await patUpdates.NextAsync(v => v.MicForcedOff);
        Assert.False(told.Audio);
        Assert.True(told.Video);
        await facUpdates.NextAsync(v => v.ParticipantId == p.ParticipantId && v.MicForcedOff && !v.Audio);

        // An offer or answer still sending audio is refused; the same with audio recvonly goes through.
        await pat.Call("SendSignal", room, fac, "offer", VideoKit.Offer(audio: "sendrecv")).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        await pat.Call("SendSignal", room, fac, "answer", VideoKit.Answer(audio: "sendonly")).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        var renegotiated = VideoKit.Offer(audio: "recvonly");
        await pat.Call("SendSignal", room, fac, "offer", renegotiated);
        Assert.Equal(renegotiated, (await facSignals.NextAsync()).Payload);
        await pat.Call("SendSignal", room, fac, "ice", VideoKit.Ice);
        // Turning the mic on by either door is refused, and changes nothing.
        await pat.Publish(room, true, true).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        await pat.Call("SetMediaState", room, "mic", true).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        var now = (await pat.JoinVideo(room)).Self;
        Assert.True(now is { Audio: false, Video: true, MicForcedOff: true });
        Assert.Contains((await pat.State(room)).Media, m => m.ParticipantId == p.ParticipantId && !m.MicOn && m.CameraOn && m.MicForcedOff);

        // Camera too; the facilitator's own offers are not affected.
        await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, p.ParticipantId, "camera");
        Assert.False((await patUpdates.NextAsync(v => v.CameraForcedOff)).Video);
        await pat.Call("SendSignal", room, fac, "offer", VideoKit.Offer(audio: "recvonly", video: "sendrecv")).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "offer", VideoKit.Offer());

        // AllowMedia clears the flag but publishes nothing until they ask; SetMediaState is SetPublishing for one medium.
        await led.Facilitator.Call<RoomStateView>("AllowMedia", room, p.ParticipantId, "mic");
        var allowed = await patUpdates.NextAsync(v => !v.MicForcedOff);
        Assert.False(allowed.Audio);
        Assert.True(allowed.CameraForcedOff);
        await pat.Call("SendSignal", room, fac, "offer", VideoKit.Offer(audio: "sendrecv", video: "recvonly"));
        await pat.Call("SetMediaState", room, "mic", true);
        Assert.True((await patUpdates.NextAsync(v => v.Audio)).Audio);
        Assert.Contains((await pat.State(room)).Media, m => m.ParticipantId == p.ParticipantId && m.MicOn && !m.CameraOn);
        Assert.False((await pat.Publish(room, false, false)).Audio);
        Assert.Contains((await pat.State(room)).Media, m => m.ParticipantId == p.ParticipantId && !m.MicOn);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_facilitator_removes_someone_from_video_who_stays_in_the_room(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await led.Facilitator.JoinVideo(room);
        using var facLeft = led.Facilitator.Record<VideoMemberView>(VideoEvents.VideoMemberLeft);
        var (pat, p) = await VideoKit.VideoMemberAsync(Server, protocol, led, "Pat");
        await using var _ = pat;
        using var removed = pat.Record<VideoRemovedEvent>(VideoEvents.VideoRemoved);
        await pat.Publish(room, true, false);

        await led.Facilitator.Call("RemoveFromVideo", room, p.ParticipantId);
        var e = await removed.NextAsync();
        Assert.Equal(room, e.RoomId);
        Assert.Equal(VideoRemovedReasons.RemovedFromVideo, e.Reason);
        var left = await facLeft.NextAsync(v => v.ParticipantId == p.ParticipantId);
        Assert.False(left.Audio);

        // Still in the room, out of the video session: no signalling either way.
        await pat.Send(room, "still here");
        await pat.Call("SendSignal", room, led.FacilitatorJoin.ParticipantId, "ice", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.Forbidden);
        await led.Facilitator.Call("SendSignal", room, p.ParticipantId, "ice", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.Forbidden);
        Assert.DoesNotContain((await pat.State(room)).Media, m => m.ParticipantId == p.ParticipantId && m.MicOn);
        await led.Facilitator.Call("RemoveFromVideo", room, p.ParticipantId).ExpectErrorAsync(ErrorCodes.NotFound);
        // They may come back.
        Assert.Equal(2, (await pat.JoinVideo(room)).Members.Length);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Bad_arguments_are_refused_with_catalogued_codes_and_change_nothing(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var fac = led.FacilitatorJoin.ParticipantId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        var p = await pat.Join(room, "Pat");
        await pat.Publish(room, true, true).ExpectErrorAsync(ErrorCodes.Forbidden); // not in the video session yet
        await pat.Call("LeaveVideo", room).ExpectErrorAsync(ErrorCodes.Forbidden);
        await led.Facilitator.Call<VideoMemberView>("SetVideoSpotlight", room, p.ParticipantId, true).ExpectErrorAsync(ErrorCodes.NotFound);
        await led.Facilitator.Call("RemoveFromVideo", room, p.ParticipantId).ExpectErrorAsync(ErrorCodes.NotFound);
        await pat.JoinVideo("no-such-room").ExpectErrorAsync(ErrorCodes.NotMember);
        await led.Facilitator.JoinVideo(room);
        await pat.JoinVideo(room);

        await led.Facilitator.Call<VideoMemberView>("SetVideoSpotlight", room, "", true).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await led.Facilitator.Call<VideoMemberView>("SetVideoSpotlight", room, "p_nobody", true).ExpectErrorAsync(ErrorCodes.NotFound);
        await led.Facilitator.Call("RemoveFromVideo", room, fac).ExpectErrorAsync(ErrorCodes.InvalidArgument); // not oneself
        await led.Facilitator.Call("RemoveFromVideo", room, "p_nobody").ExpectErrorAsync(ErrorCodes.NotFound);
        await pat.Call("SendSignal", room, fac, "offer", "v=0 not json").ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await pat.Call("SendSignal", room, fac, "answer", """{"type":"answer"}""").ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await pat.Call("SendSignal", room, fac, "candidate", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await pat.Call("SendSignal", room, "", "ice", VideoKit.Ice).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await pat.Call("SendSignal", room, fac, "ice", new string('x', 16 * 1024 + 1)).ExpectErrorAsync(ErrorCodes.MessageTooLong);
        await pat.Call("SetMediaState", room, "screen", true).ExpectErrorAsync(ErrorCodes.InvalidArgument);

        var members = (await pat.JoinVideo(room)).Members;
        Assert.Equal(2, members.Length);
        Assert.All(members, m => Assert.False(m.Audio || m.Video || m.Spotlight || m.MicForcedOff));

        // The facilitator may spotlight themselves; LowerAllHands clears the queue.
        Assert.True((await led.Facilitator.Call<VideoMemberView>("SetVideoSpotlight", room, fac, true)).Spotlight);
        await pat.Call<RoomStateView>("RaiseHand", room);
        Assert.Single((await pat.State(room)).HandQueue);
        Assert.Empty((await led.Facilitator.Call<RoomStateView>("LowerAllHands", room)).HandQueue);
    }
}
