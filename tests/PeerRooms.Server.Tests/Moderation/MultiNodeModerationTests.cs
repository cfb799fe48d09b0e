using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Moderation;

/// <summary>
/// Every facilitator power across two real nodes sharing a real Redis: the facilitator is on node
/// A, the people they act on are on node B. Enforcement happens on whichever node the target uses.
/// </summary>
public sealed class MultiNodeModerationTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private PeerRoomsServer A => cluster.A;
    private PeerRoomsServer B => cluster.B;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Mutes_media_deletion_reports_and_check_ins_reach_and_bind_the_other_node(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(A, protocol);
        var room = led.RoomId;
        await using var pat = await B.ConnectAsync(Ids.User(), protocol);
        using var patAsks = pat.Record<MediaOffRequestedEvent>(ModerationEvents.MediaOffRequested);
        using var patDeletions = pat.Record<MessageDeletedEvent>(ModerationEvents.MessageDeleted);
        using var patCheckIns = pat.Record<CheckInMessageView>(ModerationEvents.CheckInMessageReceived);
        using var patStates = pat.Record<RoomStateView>(ModerationEvents.RoomStateChanged);
        using var facReports = led.Facilitator.Record<ReportReceivedEvent>(ModerationEvents.ReportReceived);
        using var facUnmuteAsks = led.Facilitator.Record<UnmuteRequestedEvent>(ModerationEvents.UnmuteRequested);
        using var facCheckIns = led.Facilitator.Record<CheckInMessageView>(ModerationEvents.CheckInMessageReceived);
        var p = await pat.Join(room, "Pat");

        await led.Facilitator.Call<RoomStateView>("MuteParticipant", room, p.ParticipantId, 0);
        await patStates.NextAsync(s => s.Mutes.Any(m => m.ParticipantId == p.ParticipantId));
        await pat.Send(room, "on node B").ExpectErrorAsync(ErrorCodes.Muted);
        await led.Facilitator.Call<RoomStateView>("UnmuteParticipant", room, p.ParticipantId);
        await led.Facilitator.Call<RoomStateView>("MuteEveryone", room, 0);
        await pat.Send(room, "on node B").ExpectErrorAsync(ErrorCodes.Muted);
        await led.Facilitator.Call<RoomStateView>("UnmuteEveryone", room);

        await led.Facilitator.Call("RequestMediaOff", room, p.ParticipantId, "camera");
        Assert.Equal("camera", (await patAsks.NextAsync()).Kind);
        await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, p.ParticipantId, "mic");
        await pat.Call("SetMediaState", room, "mic", true).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        await pat.Call("AskToUnmute", room, "mic");
        Assert.Equal(p.ParticipantId, (await facUnmuteAsks.NextAsync()).ParticipantId);
        await led.Facilitator.Call<RoomStateView>("AllowMedia", room, p.ParticipantId, "mic");
        await pat.Call("SetMediaState", room, "mic", true);

        var said = await pat.Send(room, "something to take back");
        var reportId = await pat.Call<string>("Report", new ReportRequest { RoomId = room, ParticipantId = led.FacilitatorJoin.ParticipantId });
        await facReports.NextAsync(r => r.ReportId == reportId);
        await led.Facilitator.Call("DeleteMessage", room, said.MessageId);
        Assert.Equal(said.MessageId, (await patDeletions.NextAsync()).MessageId);
        Assert.DoesNotContain(await pat.History(room), m => m.MessageId == said.MessageId);

        await led.Facilitator.Call<CheckInMessageView>("SendCheckInMessage", new CheckInMessageRequest { RoomId = room, ToParticipantId = p.ParticipantId, Text = "ok?" });
        await patCheckIns.NextAsync(m => m.Text == "ok?");
        await pat.Call<CheckInMessageView>("SendCheckInMessage", new CheckInMessageRequest { RoomId = room, ToParticipantId = led.FacilitatorJoin.ParticipantId, Text = "yes" });
        await facCheckIns.NextAsync(m => m.Text == "yes");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_banned_user_cannot_get_back_in_by_reconnecting_a_new_connection_or_the_other_node(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(A, protocol);
        var room = led.RoomId;
        var other = await A.CreateRoomAsync("Other");
        var patId = Ids.User();
        var quinnId = Ids.User();
        await using var pat = await B.ConnectAsync(patId, protocol);
        await using var quinn = await B.ConnectAsync(quinnId, protocol);
        using var patClosed = pat.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        using var patMessages = pat.Record<MessageView>(RoomEvents.MessageReceived);
        using var roster = led.Facilitator.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);
        await pat.Join(other, "Pat");
        var p = await pat.Join(room, "Pat");
        var q = await quinn.Join(room, "Quinn");

        await led.Facilitator.Call("BanParticipant", room, p.ParticipantId, false);
        var closed = await patClosed.NextAsync(e => e.RoomId == room);
        Assert.Equal(CloseReasons.Banned, closed.Reason);
        Assert.True(closed.Terminal);
        await roster.NextAsync(e => e.ParticipantId == p.ParticipantId);
        // Node B took the connection out of the room's group: nothing of the room reaches it.
        await led.Facilitator.Send(room, "after the ban");
        await ModerationKit.AssertReceivedNothingOfAsync(patMessages, room, pat, other);
        await pat.Send(room, "let me speak").ExpectErrorAsync(ErrorCodes.NotMember);
        // Not by rejoining on the same connection, not on a new connection, not through node A.
        await pat.Join(room, "Pat").ExpectErrorAsync(ErrorCodes.Banned);
        await using (var fresh = await B.ConnectAsync(patId, protocol)) await fresh.Join(room, "Pat").ExpectErrorAsync(ErrorCodes.Banned);
        await using (var viaA = await A.ConnectAsync(patId, protocol)) await viaA.Join(room, "Pat").ExpectErrorAsync(ErrorCodes.Banned);

        // A permanent ban holds through the next session too, on both nodes.
        await led.Facilitator.Call("BanParticipant", room, q.ParticipantId, true);
        await led.Facilitator.Call("EndSession", room);
        await led.Facilitator.Join(room, "Facilitator");
        await led.Facilitator.Call<RoomStateView>("StartSession", room);
        await using (var viaB = await B.ConnectAsync(quinnId, protocol)) await viaB.Join(room, "Quinn").ExpectErrorAsync(ErrorCodes.Banned);
        await using (var viaA = await A.ConnectAsync(quinnId, protocol)) await viaA.Join(room, "Quinn").ExpectErrorAsync(ErrorCodes.Banned);
        await using (var patAgain = await B.ConnectAsync(patId, protocol)) Assert.Equal("room", (await patAgain.Join(room, "Pat")).Status);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Removal_timeout_lobby_lock_and_session_end_cross_nodes(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(A, protocol, new { requireFacilitatorToStart = true, lobbyEnabled = true });
        var room = led.RoomId;
        var other = await A.CreateRoomAsync("Other");
        await using var pat = await B.ConnectAsync(Ids.User(), protocol);
        await using var rex = await B.ConnectAsync(Ids.User(), protocol);
        await using var tia = await B.ConnectAsync(Ids.User(), protocol);
        using var lobby = led.Facilitator.Record<LobbyChangedEvent>(ModerationEvents.LobbyChanged);
        using var patUpdates = pat.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var patMessages = pat.Record<MessageView>(RoomEvents.MessageReceived);
        using var patClosed = pat.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        using var rexClosed = rex.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        using var tiaClosed = tia.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        await pat.Join(other, "Pat");

        var p = await pat.Join(room, "Pat");
        Assert.Equal("lobby", p.Status);
        await lobby.NextAsync(e => e.Waiting.Any(w => w.ParticipantId == p.ParticipantId));
        await led.Facilitator.Call("Admit", room, p.ParticipantId);
        await patUpdates.NextAsync(e => e.Participant.Status == "room");
        var hello = await led.Facilitator.Send(room, "welcome");
        await patMessages.NextAsync(m => m.MessageId == hello.MessageId);

        await led.Facilitator.Call("SendToLobby", room, p.ParticipantId);
        await patUpdates.NextAsync(e => e.Participant.Status == "lobby");
        await led.Facilitator.Send(room, "while you wait");
        var marker = await pat.Send(other, "marker");
        await patMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(patMessages.Seen, m => m.Text == "while you wait");

        var r = await rex.Join(room, "Rex");
        await led.Facilitator.Call("Deny", room, r.ParticipantId);
        Assert.Equal(CloseReasons.Denied, (await rexClosed.NextAsync()).Reason);

        await led.Facilitator.Call<RoomStateView>("LockRoom", room, false);
        await tia.Join(room, "Tia").ExpectErrorAsync(ErrorCodes.RoomLocked);
        await led.Facilitator.Call<RoomStateView>("UnlockRoom", room);
        var t = await tia.Join(room, "Tia");
        await led.Facilitator.Call("Admit", room, t.ParticipantId);
        await led.Facilitator.Call("TimeoutParticipant", room, t.ParticipantId, 10);
        Assert.Equal(CloseReasons.TimedOut, (await tiaClosed.NextAsync()).Reason);
        await tia.Join(room, "Tia").ExpectErrorAsync(ErrorCodes.TimedOut);

        await led.Facilitator.Call("Admit", room, p.ParticipantId);
        await patUpdates.NextAsync(e => e.Participant.Status == "room");
        await led.Facilitator.Call("RemoveParticipant", room, p.ParticipantId);
        Assert.Equal(CloseReasons.Removed, (await patClosed.NextAsync()).Reason);
        var back = await pat.Join(room, "Pat");
        Assert.Equal("lobby", back.Status);
        await led.Facilitator.Call<int>("AdmitAll", room);
        await patUpdates.NextAsync(e => e.Participant.Status == "room" && e.Participant.ParticipantId == back.ParticipantId);

        await led.Facilitator.Call("EndSession", room);
        Assert.Equal(CloseReasons.SessionEnded, (await patClosed.NextAsync(e => e.Reason == CloseReasons.SessionEnded)).Reason);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Sessions_co_facilitators_hands_and_pins_cross_nodes(HubProtocol protocol)
    {
        var facId = Ids.User("fac");
        var room = await A.CreateRoomAsync("Led", [facId], ModerationKit.Led);
        await using var early = await B.ConnectAsync(Ids.User(), protocol);
        using var earlyUpdates = early.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var earlyStates = early.Record<RoomStateView>(ModerationEvents.RoomStateChanged);
        using var earlyLobby = early.Record<LobbyChangedEvent>(ModerationEvents.LobbyChanged);
        var e = await early.Join(room, "Early");
        Assert.Equal("lobby", e.Status);

        var fac = await A.ConnectAsync(facId, protocol, "facilitator");
        var f = await fac.Join(room, "Facilitator");
        await fac.Call<RoomStateView>("StartSession", room);
        await earlyUpdates.NextAsync(u => u.Participant.Status == "room");

        // Promoted on node A, the co-facilitator on node B gets facilitator events and powers.
        await fac.Call("PromoteCoFacilitator", room, e.ParticipantId);
        await earlyUpdates.NextAsync(u => u.Participant.Role == "facilitator");
        await fac.Call<RoomStateView>("LockRoom", room, true);
        await using var late = await A.ConnectAsync(Ids.User(), protocol);
        var l = await late.Join(room, "Late");
        Assert.Equal("lobby", l.Status);
        await earlyLobby.NextAsync(x => x.Waiting.Any(w => w.ParticipantId == l.ParticipantId));
        await early.Call("Admit", room, l.ParticipantId);
        await late.Send(room, "thanks for letting me in");

        // Hands raised on node A, the floor given from node B, the pin from node A seen on B.
        await late.Call<RoomStateView>("RaiseHand", room);
        Assert.Equal([l.ParticipantId], (await early.State(room)).HandQueue);
        var floor = await early.Call<RoomStateView>("GiveFloor", room, "", 0);
        Assert.Equal(l.ParticipantId, floor.Floor!.ParticipantId);
        var note = await fac.Send(room, "Please be kind");
        await fac.Call<RoomStateView>("PinMessage", room, note.MessageId);
        await earlyStates.NextAsync(s => s.Pinned?.MessageId == note.MessageId);

        // The lead on node A leaves: the co-facilitator on node B leads.
        await fac.DisposeAsync();
        await earlyStates.NextAsync(s => s.LeadParticipantId == e.ParticipantId);
        await using var fac2 = await A.ConnectAsync(facId, protocol, "facilitator");
        await fac2.Join(room, "Facilitator");
        await fac2.Call("DemoteCoFacilitator", room, e.ParticipantId);
        await earlyUpdates.NextAsync(u => u.Participant.Role == "participant");
        await early.Call<RoomStateView>("UnlockRoom", room).ExpectErrorAsync(ErrorCodes.Forbidden);
        Assert.Equal("room", f.Status);
    }
}
