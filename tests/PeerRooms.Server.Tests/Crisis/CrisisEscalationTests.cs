using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>End to end on one node: detection → alert, page, resources card and message handling; self-report and facilitator escalation; claim, acknowledge, notes, resolve and audit; the private channel.</summary>
public class CrisisEscalationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_risky_message_alerts_facilitators_pages_staff_shows_resources_and_is_held(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync("Evening circle", [facilitatorId]);
        var other = await Server.CreateRoomAsync("Other room");
        await using var staff = await Server.ConnectStaffAsync(Ids.User("staff"), protocol);
        using var pages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol, "facilitator");
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        await using var listener = await Server.ConnectAsync(Ids.User(), protocol);
        using var alerts = facilitator.Record<RiskAlertEvent>(CrisisEvents.RiskAlert);
        using var facilitatorMessages = facilitator.Record<MessageView>(RoomEvents.MessageReceived);
        using var cards = alice.Record<CrisisResourcesEvent>(CrisisEvents.CrisisResources);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        using var bobAlerts = bob.Record<RiskAlertEvent>(CrisisEvents.RiskAlert);
        using var bobCards = bob.Record<CrisisResourcesEvent>(CrisisEvents.CrisisResources);
        using var listenerMessages = listener.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerAlerts = listener.Record<RiskAlertEvent>(CrisisEvents.RiskAlert);
        await listener.JoinAsync(other, "Listener");
        await facilitator.JoinAsync(room, "Fran");
        var a = await alice.JoinAsync(room, "Alice");
        await bob.JoinAsync(room, "Bob");

        var sent = await alice.SendAsync(room, CrisisKit.Imminent);

        var page = await pages.NextAsync(p => p.Case.RoomId == room);
        Assert.Equal("imminent", page.Case.Severity);
        Assert.Equal(a.ParticipantId, page.Case.ParticipantId);
        Assert.Equal("Alice", page.Case.Pseudonym);
        Assert.Equal("Evening circle", page.Case.RoomName);
        Assert.Equal("detection", page.Case.Trigger);
        Assert.Equal("open", page.Case.State);
        Assert.Equal(CrisisKit.Imminent, page.Case.TriggeringMessage!.Text);
        Assert.Equal(sent.MessageId, page.Case.TriggeringMessage.MessageId);
        Assert.Equal($"{page.Case.CaseId}:0:1", page.DedupKey);
        Assert.Equal("crisis-staff", page.Tier);

        var alert = await alerts.NextAsync(e => e.RoomId == room);
        Assert.Equal(page.Case.CaseId, alert.CaseId);
        Assert.Equal(sent.MessageId, alert.MessageId);
        Assert.Equal("imminent", alert.Severity);
        Assert.Contains("ideation", alert.Categories);

        var card = await cards.NextAsync(c => c.RoomId == room);
        Assert.Equal("en", card.Language);
        Assert.Contains(card.Resources, r => r.Phone == "988");

        // Held for review: the facilitators get it, Bob does not; a later ordinary message reaches Bob.
        await facilitatorMessages.NextAsync(m => m.MessageId == sent.MessageId);
        var after = await alice.SendAsync(room, "thanks for listening");
        await bobMessages.NextAsync(m => m.MessageId == after.MessageId);
        Assert.DoesNotContain(bobMessages.Seen, m => m.MessageId == sent.MessageId);
        Assert.Empty(bobAlerts.Seen);
        Assert.Empty(bobCards.Seen);

        var marker = await listener.SendAsync(other, "marker");
        await listenerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(listenerMessages.Seen, m => m.RoomId == room);
        Assert.Empty(listenerAlerts.Seen);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task High_risk_pages_at_once_and_is_delivered_with_a_content_warning_and_more_risk_raises_the_same_case(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var staff = await Server.ConnectStaffAsync(Ids.User("staff"), protocol);
        using var pages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        using var updates = staff.Record<CaseView>(CrisisEvents.CaseUpdated);
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        await alice.JoinAsync(room, "Alice");
        await bob.JoinAsync(room, "Bob");

        var first = await alice.SendAsync(room, "me quiero morir");
        var delivered = await bobMessages.NextAsync(m => m.MessageId == first.MessageId);
        Assert.True(delivered.ContentWarning);
        var page = await pages.NextAsync(p => p.Case.RoomId == room);
        Assert.Equal("high", page.Case.Severity);

        await alice.SendAsync(room, "I have the pills right here");
        var raised = await updates.NextAsync(c => c.CaseId == page.Case.CaseId && c.Severity == "imminent");
        Assert.Equal(page.Case.CaseId, raised.CaseId);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Help_requests_and_facilitator_escalations_page_staff_and_only_facilitators_may_escalate(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync("Circle", [facilitatorId]);
        await using var staff = await Server.ConnectStaffAsync(Ids.User("staff"), protocol);
        using var pages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol, "facilitator");
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var cards = alice.Record<CrisisResourcesEvent>(CrisisEvents.CrisisResources);
        await facilitator.JoinAsync(room, "Fran");
        await alice.JoinAsync(room, "Alice");
        var b = await bob.JoinAsync(room, "Bob");

        var help = await alice.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);
        Assert.Equal("high", help.Severity);
        var page = await pages.NextAsync(p => p.Case.CaseId == help.CaseId);
        Assert.Equal("self_report", page.Case.Trigger);
        Assert.Null(page.Case.TriggeringMessage);
        await cards.NextAsync(c => c.RoomId == room);

        await alice.InvokeAsync<EscalationResponse>("EscalateParticipant", new EscalateParticipantRequest { RoomId = room, ParticipantId = b.ParticipantId })
            .ExpectErrorAsync(ErrorCodes.Forbidden);
        await facilitator.InvokeAsync<EscalationResponse>("EscalateParticipant", new EscalateParticipantRequest { RoomId = room, ParticipantId = "p_nobody" })
            .ExpectErrorAsync(ErrorCodes.NotFound);
        await facilitator.InvokeAsync<EscalationResponse>("EscalateParticipant", new EscalateParticipantRequest { RoomId = room, ParticipantId = b.ParticipantId, Severity = "dire" })
            .ExpectErrorAsync(ErrorCodes.InvalidArgument);
        var escalated = await facilitator.InvokeAsync<EscalationResponse>("EscalateParticipant",
            new EscalateParticipantRequest { RoomId = room, ParticipantId = b.ParticipantId, Severity = "imminent", Note = "said goodbye in chat" }).WaitAsync(Timeouts.Default);
        var bobPage = await pages.NextAsync(p => p.Case.CaseId == escalated.CaseId);
        Assert.Equal("facilitator", bobPage.Case.Trigger);
        Assert.Equal("Bob", bobPage.Case.Pseudonym);
        var detail = await Server.GetCaseAsync(escalated.CaseId);
        Assert.Equal("said goodbye in chat", Assert.Single(detail.Notes).Text);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Two_staff_race_to_claim_and_exactly_one_wins_then_the_case_is_worked_to_resolution_with_an_audit_trail(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var staffA = Ids.User("staffa");
        await using var a = await Server.ConnectStaffAsync(staffA, protocol);
        await using var b = await Server.ConnectStaffAsync(Ids.User("staffb"), protocol);
        using var pages = a.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await alice.JoinAsync(room, "Alice");
        var help = await alice.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);
        await pages.NextAsync(p => p.Case.CaseId == help.CaseId);

        var claims = await Task.WhenAll(
            Attempt(() => a.InvokeAsync<CaseView>("ClaimCase", help.CaseId)),
            Attempt(() => b.InvokeAsync<CaseView>("ClaimCase", help.CaseId)));
        Assert.Single(claims, c => c.View is not null);
        Assert.Single(claims, c => c.Code == ErrorCodes.AlreadyClaimed);
        var (owner, loser) = claims[0].View is not null ? (a, b) : (b, a);

        await loser.InvokeAsync<CaseView>("AcknowledgeCase", help.CaseId).ExpectErrorAsync(ErrorCodes.Forbidden);
        await owner.InvokeAsync<CaseView>("ResolveCase", new ResolveCaseRequest { CaseId = help.CaseId, Outcome = "nonsense" }).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        var acked = await owner.InvokeAsync<CaseView>("AcknowledgeCase", help.CaseId).WaitAsync(Timeouts.Default);
        Assert.Equal("acknowledged", acked.State);
        await loser.InvokeAsync<CaseView>("AddCaseNote", help.CaseId, "I can take over if needed").WaitAsync(Timeouts.Default);
        var resolved = await owner.InvokeAsync<CaseView>("ResolveCase",
            new ResolveCaseRequest { CaseId = help.CaseId, Outcome = "referred_to_crisis_line", Note = "called 988 together" }).WaitAsync(Timeouts.Default);
        Assert.Equal("resolved", resolved.State);
        Assert.Equal("referred_to_crisis_line", resolved.Outcome);
        await owner.InvokeAsync<CaseView>("ResolveCase", new ResolveCaseRequest { CaseId = help.CaseId, Outcome = "other" }).ExpectErrorAsync(ErrorCodes.InvalidState);
        await owner.InvokeAsync<CaseView>("ClaimCase", "case_missing").ExpectErrorAsync(ErrorCodes.NotFound);

        var detail = await Server.GetCaseAsync(help.CaseId);
        Assert.Equal(["opened", "paged", "claimed", "acknowledged", "note_added", "resolved"], detail.Audit.Select(e => e.Action));
        Assert.Equal(2, detail.Notes.Count);
        var open = await a.InvokeAsync<CaseView[]>("GetOpenCases").WaitAsync(Timeouts.Default);
        Assert.DoesNotContain(open, c => c.CaseId == help.CaseId);
        using var list = await Server.AuthorizedAsync(HttpMethod.Get, "/api/crisis/cases?state=resolved", "staff-x", "crisis-staff");
        Assert.Contains(help.CaseId, await list.Content.ReadAsStringAsync());
        using var badState = await Server.AuthorizedAsync(HttpMethod.Get, "/api/crisis/cases?state=weird", "staff-x", "crisis-staff");
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        using var forbidden = await Server.AuthorizedAsync(HttpMethod.Get, "/api/crisis/cases", "p-x", "participant");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task The_owner_and_the_participant_talk_privately_and_the_room_sees_nothing(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        var staffId = Ids.User("staff");
        await using var staff = await Server.ConnectStaffAsync(staffId, protocol);
        using var replies = staff.Record<PrivateMessageView>(CrisisEvents.PrivateMessageReceived);
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await Server.ConnectAsync(Ids.User(), protocol);
        using var aliceChannel = alice.Record<PrivateMessageView>(CrisisEvents.CrisisPrivateMessage);
        using var bobChannel = bob.Record<PrivateMessageView>(CrisisEvents.CrisisPrivateMessage);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        await alice.JoinAsync(room, "Alice");
        await bob.JoinAsync(room, "Bob");
        var help = await alice.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);

        await staff.InvokeAsync<PrivateMessageView>("SendPrivateMessage", new PrivateMessageRequest { CaseId = help.CaseId, Text = "hi" })
            .ExpectErrorAsync(ErrorCodes.InvalidState);
        await alice.InvokeAsync<PrivateMessageView>("ReplyToCrisisStaff", new PrivateMessageRequest { CaseId = help.CaseId, Text = "hello?" })
            .ExpectErrorAsync(ErrorCodes.InvalidState);
        await staff.InvokeAsync<CaseView>("ClaimCase", help.CaseId).WaitAsync(Timeouts.Default);
        await using var otherStaff = await Server.ConnectStaffAsync(Ids.User("staff"), protocol);
        await otherStaff.InvokeAsync<PrivateMessageView>("SendPrivateMessage", new PrivateMessageRequest { CaseId = help.CaseId, Text = "hi" })
            .ExpectErrorAsync(ErrorCodes.Forbidden);
        var toAlice = await staff.InvokeAsync<PrivateMessageView>("SendPrivateMessage",
            new PrivateMessageRequest { CaseId = help.CaseId, Text = "I'm Sam from crisis support. Are you safe right now?" }).WaitAsync(Timeouts.Default);
        var got = await aliceChannel.NextAsync(m => m.MessageId == toAlice.MessageId);
        Assert.Equal("crisis-staff", got.From);
        Assert.Equal(room, got.RoomId);

        await bob.InvokeAsync<PrivateMessageView>("ReplyToCrisisStaff", new PrivateMessageRequest { CaseId = help.CaseId, Text = "not mine" })
            .ExpectErrorAsync(ErrorCodes.NotFound);
        var reply = await alice.InvokeAsync<PrivateMessageView>("ReplyToCrisisStaff",
            new PrivateMessageRequest { CaseId = help.CaseId, Text = "yes, just scared" }).WaitAsync(Timeouts.Default);
        var heard = await replies.NextAsync(m => m.MessageId == reply.MessageId);
        Assert.Equal("participant", heard.From);
        Assert.Equal("yes, just scared", heard.Text);

        // Crisis staff who own a case in the room join it as crisis staff.
        await using var staffInRoom = await Server.ConnectAsync(staffId, protocol, "crisis-staff");
        var joined = await staffInRoom.JoinAsync(room, "Sam (crisis support)");
        Assert.Equal("crisis-staff", joined.Role);

        var marker = await bob.SendAsync(room, "marker");
        await bobMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.Empty(bobChannel.Seen);
        Assert.DoesNotContain(bobMessages.Seen, m => m.Text.Contains("crisis support", StringComparison.Ordinal) || m.Text.Contains("scared", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Staff_receive_the_open_cases_when_they_connect(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await alice.JoinAsync(room, "Alice");
        var help = await alice.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);

        var token = await Server.TokenAsync(Ids.User("staff"), "crisis-staff");
        var builder = new HubConnectionBuilder().WithUrl(new Uri(Server.BaseAddress, HubPaths.Crisis), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        if (protocol == HubProtocol.MessagePack) builder.AddMessagePackProtocol();
        await using var staff = builder.Build();
        using var opened = staff.Record<CaseView[]>(CrisisEvents.OpenCases);
        await staff.StartAsync().WaitAsync(Timeouts.Default);
        var cases = await opened.NextAsync();
        var mine = Assert.Single(cases, c => c.CaseId == help.CaseId);
        Assert.Equal("open", mine.State);
        var listed = await staff.InvokeAsync<CaseView[]>("GetOpenCases").WaitAsync(Timeouts.Default);
        Assert.Contains(listed, c => c.CaseId == help.CaseId);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Only_crisis_staff_and_admins_may_connect_to_the_crisis_hub(HubProtocol protocol)
    {
        var token = await Server.TokenAsync(Ids.User(), "participant");
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Server.ConnectWithTokenAsync(token, protocol, HubPaths.Crisis));
        Assert.Contains("403", ex.Message);
        await using var admin = await Server.ConnectStaffAsync(Ids.User("adm"), protocol, "admin");
        Assert.Equal(HubConnectionState.Connected, admin.State);
    }

    private static async Task<(CaseView? View, string? Code)> Attempt(Func<Task<CaseView>> call)
    {
        try { return (await call().WaitAsync(Timeouts.Default), null); }
        catch (Microsoft.AspNetCore.SignalR.HubException ex) { return (null, HubErrorMessages.TryParseCode(ex.Message)); }
    }
}
