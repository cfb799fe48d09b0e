using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Moderation;

/// <summary>Sessions, the lobby and the lock on one node, under both protocols.</summary>
public class SessionAndLobbyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Early_arrivals_wait_until_the_facilitator_starts_and_ending_closes_it_for_everyone(HubProtocol protocol)
    {
        var facId = Ids.User("fac");
        var room = await Server.CreateRoomAsync("Tuesday circle", [facId], ModerationKit.Led);
        await using var early = await Server.ConnectAsync(Ids.User(), protocol);
        await using var fac = await Server.ConnectAsync(facId, protocol, "facilitator");
        using var earlyUpdates = early.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var earlyClosed = early.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        using var facClosed = fac.Record<RoomClosedEvent>(RoomEvents.RoomClosed);

        var waiting = await early.Join(room, "Early");
        Assert.Equal("lobby", waiting.Status);
        Assert.Equal("idle", waiting.RoomState!.Session);
        Assert.Equal([waiting.ParticipantId], waiting.Roster.Select(p => p.ParticipantId));
        await early.Send(room, "too early").ExpectErrorAsync(ErrorCodes.InLobby);

        var f = await fac.Join(room, "Facilitator");
        Assert.Equal("room", f.Status);
        Assert.Equal("facilitator", f.Role);
        var lobby = await fac.Call<ParticipantView[]>("GetLobby", room);
        Assert.Equal([waiting.ParticipantId], lobby.Select(p => p.ParticipantId));

        var state = await fac.Call<RoomStateView>("StartSession", room);
        Assert.Equal("open", state.Session);
        Assert.Equal(f.ParticipantId, state.LeadParticipantId);
        var admitted = await earlyUpdates.NextAsync(e => e.Participant.ParticipantId == waiting.ParticipantId);
        Assert.Equal("room", admitted.Participant.Status);
        await early.Send(room, "hello now");
        Assert.Single(await fac.History(room));

        await fac.Call("EndSession", room);
        var closed = await earlyClosed.NextAsync(e => e.RoomId == room);
        Assert.Equal(CloseReasons.SessionEnded, closed.Reason);
        Assert.True(closed.Terminal);
        Assert.Equal(CloseReasons.SessionEnded, (await facClosed.NextAsync(e => e.RoomId == room)).Reason);

        // The next session starts empty: no history, arrivals wait again.
        await using var next = await Server.ConnectAsync(Ids.User(), protocol);
        var again = await next.Join(room, "Next");
        Assert.Equal("lobby", again.Status);
        await fac.Join(room, "Facilitator");
        await fac.Call<RoomStateView>("StartSession", room);
        Assert.Empty(await fac.History(room));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Facilitators_see_the_lobby_message_admit_deny_and_send_back(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol, new { lobbyEnabled = true });
        var room = led.RoomId;
        var other = await Server.CreateRoomAsync("Other");
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await using var quinn = await Server.ConnectAsync(Ids.User(), protocol);
        await using var rex = await Server.ConnectAsync(Ids.User(), protocol);
        using var lobbyChanges = led.Facilitator.Record<LobbyChangedEvent>(ModerationEvents.LobbyChanged);
        using var patMessages = pat.Record<MessageView>(RoomEvents.MessageReceived);
        using var patCheckIns = pat.Record<CheckInMessageView>(ModerationEvents.CheckInMessageReceived);
        using var facCheckIns = led.Facilitator.Record<CheckInMessageView>(ModerationEvents.CheckInMessageReceived);
        using var patUpdates = pat.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        using var rexClosed = rex.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        await pat.Join(other, "Pat");

        var p = await pat.Join(room, "Pat");
        Assert.Equal("lobby", p.Status);
        Assert.Null(p.RoomState!.Pinned);
        var changed = await lobbyChanges.NextAsync(e => e.Waiting.Any(w => w.ParticipantId == p.ParticipantId));
        Assert.Equal("lobby", changed.Waiting.Single().Status);

        // The lobby hears nothing of the room, but a facilitator can talk to someone waiting, and back.
        await led.Facilitator.Send(room, "welcome, members");
        var note = await led.Facilitator.Call<CheckInMessageView>("SendCheckInMessage",
            new CheckInMessageRequest { RoomId = room, ToParticipantId = p.ParticipantId, Text = "We start in 5 minutes" });
        Assert.Equal("We start in 5 minutes", (await patCheckIns.NextAsync(m => m.MessageId == note.MessageId)).Text);
        await pat.Call<CheckInMessageView>("SendCheckInMessage",
            new CheckInMessageRequest { RoomId = room, ToParticipantId = led.FacilitatorJoin.ParticipantId, Text = "thanks" });
        await facCheckIns.NextAsync(m => m.FromParticipantId == p.ParticipantId);
        await ModerationKit.AssertReceivedNothingOfAsync(patMessages, room, pat, other);
        await pat.Call<ParticipantView[]>("GetRoster", room).ExpectErrorAsync(ErrorCodes.InLobby);

        await led.Facilitator.Call("Admit", room, p.ParticipantId);
        Assert.Equal("room", (await patUpdates.NextAsync(e => e.Participant.Status == "room")).Participant.Status);
        await pat.Send(room, "glad to be here");

        await led.Facilitator.Call("SendToLobby", room, p.ParticipantId);
        await patUpdates.NextAsync(e => e.Participant.Status == "lobby");
        await pat.Send(room, "am I back?").ExpectErrorAsync(ErrorCodes.InLobby);

        var q = await quinn.Join(room, "Quinn");
        var r = await rex.Join(room, "Rex");
        await led.Facilitator.Call("Deny", room, r.ParticipantId);
        var denied = await rexClosed.NextAsync(e => e.RoomId == room);
        Assert.Equal(CloseReasons.Denied, denied.Reason);
        Assert.True(denied.Terminal);
        Assert.Equal(2, await led.Facilitator.Call<int>("AdmitAll", room));
        Assert.Empty(await led.Facilitator.Call<ParticipantView[]>("GetLobby", room));
        await quinn.Send(room, "in");
        Assert.Contains(await led.Facilitator.Call<ParticipantView[]>("GetRoster", room), x => x.ParticipantId == q.ParticipantId && x.Status == "room");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_locked_room_refuses_new_arrivals_or_keeps_them_in_the_lobby(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var member = await Server.ConnectAsync(Ids.User(), protocol);
        await using var late = await Server.ConnectAsync(Ids.User(), protocol);
        using var states = member.Record<RoomStateView>(ModerationEvents.RoomStateChanged);
        await member.Join(room, "Member");

        await led.Facilitator.Call<RoomStateView>("LockRoom", room, false);
        Assert.True((await states.NextAsync(s => s.Locked)).Locked);
        await late.Join(room, "Late").ExpectErrorAsync(ErrorCodes.RoomLocked);
        // Facilitators and people already present (another tab) still get in.
        await using var facTab = await Server.ConnectAsync(led.FacilitatorUserId, protocol, "facilitator");
        Assert.Equal("room", (await facTab.Join(room, "Facilitator")).Status);

        await led.Facilitator.Call<RoomStateView>("LockRoom", room, true);
        Assert.Equal("lobby", (await late.Join(room, "Late")).Status);
        await late.Call("LeaveRoom", room);

        await led.Facilitator.Call<RoomStateView>("UnlockRoom", room);
        Assert.Equal("room", (await late.Join(room, "Late")).Status);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Without_a_facilitator_the_lead_passes_on_or_the_session_pauses(HubProtocol protocol)
    {
        var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var samId = Ids.User("sam");
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        var sam = await Server.ConnectAsync(samId, protocol);
        using var states = pat.Record<RoomStateView>(ModerationEvents.RoomStateChanged);
        using var patUpdates = pat.Record<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated);
        var p = await pat.Join(room, "Pat");
        var s = await sam.Join(room, "Sam");

        // A promoted co-facilitator has the facilitator tools and keeps the role after reconnecting.
        await led.Facilitator.Call("PromoteCoFacilitator", room, s.ParticipantId);
        Assert.Equal("facilitator", (await patUpdates.NextAsync(e => e.Participant.ParticipantId == s.ParticipantId)).Participant.Role);
        await sam.DisposeAsync();
        sam = await Server.ConnectAsync(samId, protocol);
        var s2 = await sam.Join(room, "Sam");
        Assert.Equal("facilitator", s2.Role);
        await sam.Call<RoomStateView>("MuteParticipant", room, p.ParticipantId, 0);
        await pat.Send(room, "muted?").ExpectErrorAsync(ErrorCodes.Muted);
        await sam.Call<RoomStateView>("UnmuteParticipant", room, p.ParticipantId);

        // The lead leaves: the co-facilitator present becomes lead.
        await led.Facilitator.DisposeAsync();
        var handedOver = await states.NextAsync(x => x.LeadParticipantId == s2.ParticipantId);
        Assert.Equal("open", handedOver.Session);

        // Demoted, then gone: no facilitator is left, so the session pauses.
        await using var fac = await Server.ConnectAsync(led.FacilitatorUserId, protocol, "facilitator");
        var f = await fac.Join(room, "Facilitator");
        await fac.Call("DemoteCoFacilitator", room, s2.ParticipantId);
        await sam.Call<RoomStateView>("MuteEveryone", room, 0).ExpectErrorAsync(ErrorCodes.Forbidden);
        await fac.Call<RoomStateView>("HandOverLead", room, f.ParticipantId);
        await fac.Call("LeaveRoom", room);
        await states.NextAsync(x => x.Session == "paused");
        await pat.Send(room, "anyone?").ExpectErrorAsync(ErrorCodes.SessionPaused);

        // A facilitator coming back resumes it.
        await fac.Join(room, "Facilitator");
        await states.NextAsync(x => x.Session == "open");
        await pat.Send(room, "welcome back");
        await sam.DisposeAsync();
    }
}
