using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Moderation;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Moderation;

/// <summary>Mutes, media controls, removal and bans, deletion, reports, pinning and the audit API on one node.</summary>
public class SanctionAndChatTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Muted_participants_cannot_send_until_lifted_and_facilitators_are_never_muted(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await using var rex = await Server.ConnectAsync(Ids.User(), protocol);
        using var states = rex.Record<RoomStateView>(ModerationEvents.RoomStateChanged);
        var p = await pat.Join(room, "Pat");
        await rex.Join(room, "Rex");

        var state = await led.Facilitator.Call<RoomStateView>("MuteParticipant", room, p.ParticipantId, 10);
        var mute = Assert.Single(state.Mutes);
        Assert.Equal(p.ParticipantId, mute.ParticipantId);
        Assert.NotNull(mute.Until);
        await states.NextAsync(s => s.Mutes.Any(m => m.ParticipantId == p.ParticipantId));
        await pat.Send(room, "hello?").ExpectErrorAsync(ErrorCodes.Muted);
        await rex.Send(room, "I can talk");
        await led.Facilitator.Call<RoomStateView>("UnmuteParticipant", room, p.ParticipantId);
        await pat.Send(room, "back");

        await led.Facilitator.Call<RoomStateView>("MuteEveryone", room, 0);
        await pat.Send(room, "x").ExpectErrorAsync(ErrorCodes.Muted);
        await rex.Send(room, "x").ExpectErrorAsync(ErrorCodes.Muted);
        await led.Facilitator.Send(room, "facilitators still speak");
        await led.Facilitator.Call<RoomStateView>("UnmuteEveryone", room);
        await rex.Send(room, "thanks");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_forced_off_mic_or_camera_stays_off_until_a_facilitator_allows_it(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var patId = Ids.User();
        await using var pat = await Server.ConnectAsync(patId, protocol);
        using var asks = pat.Record<MediaOffRequestedEvent>(ModerationEvents.MediaOffRequested);
        using var unmuteRequests = led.Facilitator.Record<UnmuteRequestedEvent>(ModerationEvents.UnmuteRequested);
        var p = await pat.Join(room, "Pat");
        await pat.Call("SetMediaState", room, "mic", true);

        await led.Facilitator.Call("RequestMediaOff", room, p.ParticipantId, "mic");
        Assert.Equal("mic", (await asks.NextAsync(e => e.RoomId == room)).Kind);

        var state = await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, p.ParticipantId, "camera");
        Assert.True(Assert.Single(state.Media).CameraForcedOff);
        await pat.Call("SetMediaState", room, "camera", true).ExpectErrorAsync(ErrorCodes.MediaForcedOff);
        var port = Server.Services.GetRequiredService<IMediaControlState>();
        Assert.False(await port.MayTurnOnAsync(room, patId, "camera"));
        Assert.True(await port.MayTurnOnAsync(room, patId, "mic"));

        await pat.Call("AskToUnmute", room, "camera");
        var ask = await unmuteRequests.NextAsync(e => e.RoomId == room);
        Assert.Equal(p.ParticipantId, ask.ParticipantId);
        Assert.Equal("camera", ask.Kind);
        await led.Facilitator.Call<RoomStateView>("AllowMedia", room, p.ParticipantId, "camera");
        await pat.Call("SetMediaState", room, "camera", true);
        Assert.True((await pat.State(room)).Media.Single().CameraOn);
        await pat.Call("SetMediaState", room, "speaker", true).ExpectErrorAsync(ErrorCodes.InvalidArgument);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Removed_participants_come_back_through_the_lobby(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var other = await Server.CreateRoomAsync("Other");
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        using var closed = pat.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        using var patMessages = pat.Record<MessageView>(RoomEvents.MessageReceived);
        using var left = led.Facilitator.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);
        await pat.Join(other, "Pat");
        var p = await pat.Join(room, "Pat");

        await led.Facilitator.Call("RemoveParticipant", room, p.ParticipantId);
        var close = await closed.NextAsync(e => e.RoomId == room);
        Assert.Equal(CloseReasons.Removed, close.Reason);
        Assert.True(close.Terminal);
        await left.NextAsync(e => e.ParticipantId == p.ParticipantId);
        Assert.DoesNotContain(await led.Facilitator.Call<ParticipantView[]>("GetRoster", room), x => x.ParticipantId == p.ParticipantId);
        await led.Facilitator.Send(room, "after the removal");
        await ModerationKit.AssertReceivedNothingOfAsync(patMessages, room, pat, other);
        await pat.Send(room, "still here?").ExpectErrorAsync(ErrorCodes.NotMember);

        Assert.Equal("lobby", (await pat.Join(room, "Pat")).Status);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Banned_users_cannot_get_back_in_and_permanent_bans_outlive_the_session(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var other = await Server.CreateRoomAsync("Other");
        var patId = Ids.User();
        var quinnId = Ids.User();
        await using var pat = await Server.ConnectAsync(patId, protocol);
        await using var quinn = await Server.ConnectAsync(quinnId, protocol);
        using var patClosed = pat.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        using var patMessages = pat.Record<MessageView>(RoomEvents.MessageReceived);
        await pat.Join(other, "Pat");
        var p = await pat.Join(room, "Pat");
        var q = await quinn.Join(room, "Quinn");

        await led.Facilitator.Call("BanParticipant", room, p.ParticipantId, false);
        Assert.Equal(CloseReasons.Banned, (await patClosed.NextAsync(e => e.RoomId == room)).Reason);
        // Not on the same connection (its refused join leaves it in no group), not on a new one.
        await pat.Join(room, "Pat").ExpectErrorAsync(ErrorCodes.Banned);
        await led.Facilitator.Send(room, "after the ban");
        await ModerationKit.AssertReceivedNothingOfAsync(patMessages, room, pat, other);
        await using (var fresh = await Server.ConnectAsync(patId, protocol))
            await fresh.Join(room, "Pat again").ExpectErrorAsync(ErrorCodes.Banned);

        await led.Facilitator.Call("BanParticipant", room, q.ParticipantId, true);
        var admin = await Server.TokenAsync("admin-1", "admin");
        var bans = await GetJsonAsync($"/api/rooms/{room}/bans", admin);
        Assert.Equal(quinnId, Assert.Single(bans.EnumerateArray()).GetProperty("userId").GetString());

        // A new session forgets the session ban but not the permanent one.
        await led.Facilitator.Call("EndSession", room);
        await led.Facilitator.Join(room, "Facilitator");
        await led.Facilitator.Call<RoomStateView>("StartSession", room);
        await using var patAgain = await Server.ConnectAsync(patId, protocol);
        Assert.Equal("room", (await patAgain.Join(room, "Pat")).Status);
        await using var quinnAgain = await Server.ConnectAsync(quinnId, protocol);
        await quinnAgain.Join(room, "Quinn").ExpectErrorAsync(ErrorCodes.Banned);

        // An admin lifts it.
        var banId = bans.EnumerateArray().Single().GetProperty("banId").GetString();
        using var lift = new HttpRequestMessage(HttpMethod.Delete, $"/api/rooms/{room}/bans/{banId}");
        lift.Headers.Authorization = new("Bearer", admin);
        Assert.Equal(HttpStatusCode.NoContent, (await Server.Http.SendAsync(lift)).StatusCode);
        Assert.Equal("room", (await quinnAgain.Join(room, "Quinn")).Status);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Deleted_messages_vanish_for_everyone_and_reports_reach_only_facilitators(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var other = await Server.CreateRoomAsync("Other");
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await using var rex = await Server.ConnectAsync(Ids.User(), protocol);
        using var deletions = pat.Record<MessageDeletedEvent>(ModerationEvents.MessageDeleted);
        using var reports = led.Facilitator.Record<ReportReceivedEvent>(ModerationEvents.ReportReceived);
        using var rexReports = rex.Record<ReportReceivedEvent>(ModerationEvents.ReportReceived);
        using var rexMessages = rex.Record<MessageView>(RoomEvents.MessageReceived);
        await rex.Join(other, "Rex");
        var p = await pat.Join(room, "Pat");
        await rex.Join(room, "Rex");
        var bad = await rex.Send(room, "something hurtful");

        var reportId = await pat.Call<string>("Report", new ReportRequest { RoomId = room, MessageId = bad.MessageId, Reason = "unkind" });
        var report = await reports.NextAsync(e => e.ReportId == reportId);
        Assert.Equal(p.ParticipantId, report.ReporterParticipantId);
        Assert.Equal(bad.MessageId, report.MessageId);
        Assert.Equal("unkind", report.Reason);
        await pat.Call<string>("Report", new ReportRequest { RoomId = room }).ExpectErrorAsync(ErrorCodes.InvalidArgument);
        await pat.Call<string>("Report", new ReportRequest { RoomId = room, MessageId = "m_nope" }).ExpectErrorAsync(ErrorCodes.NotFound);

        await led.Facilitator.Call("DeleteMessage", room, bad.MessageId);
        Assert.Equal(bad.MessageId, (await deletions.NextAsync(e => e.RoomId == room)).MessageId);
        Assert.DoesNotContain(await pat.History(room), m => m.MessageId == bad.MessageId);
        await led.Facilitator.Call("DeleteMessage", room, bad.MessageId).ExpectErrorAsync(ErrorCodes.NotFound);
        var marker = await rex.Send(other, "marker");
        await rexMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.Empty(rexReports.Seen);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Pinned_messages_reach_everyone_and_late_joiners(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        using var states = pat.Record<RoomStateView>(ModerationEvents.RoomStateChanged);
        await pat.Join(room, "Pat");
        var note = await led.Facilitator.Send(room, "Break at 7:30");

        await led.Facilitator.Call<RoomStateView>("PinMessage", room, note.MessageId);
        Assert.Equal("Break at 7:30", (await states.NextAsync(s => s.Pinned is not null)).Pinned!.Text);
        await using var late = await Server.ConnectAsync(Ids.User(), protocol);
        Assert.Equal(note.MessageId, (await late.Join(room, "Late")).RoomState!.Pinned!.MessageId);

        await led.Facilitator.Call<RoomStateView>("UnpinMessage", room);
        await states.NextAsync(s => s.Pinned is null);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Check_ins_reach_only_the_two_people_and_participants_cannot_message_each_other(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await using var rex = await Server.ConnectAsync(Ids.User(), protocol);
        using var patCheckIns = pat.Record<CheckInMessageView>(ModerationEvents.CheckInMessageReceived);
        using var rexCheckIns = rex.Record<CheckInMessageView>(ModerationEvents.CheckInMessageReceived);
        var p = await pat.Join(room, "Pat");
        var r = await rex.Join(room, "Rex");

        var sent = await led.Facilitator.Call<CheckInMessageView>("SendCheckInMessage", new CheckInMessageRequest { RoomId = room, ToParticipantId = p.ParticipantId, Text = "How are you doing?" });
        Assert.Equal("How are you doing?", (await patCheckIns.NextAsync(m => m.MessageId == sent.MessageId)).Text);
        await pat.Call<CheckInMessageView>("SendCheckInMessage", new CheckInMessageRequest { RoomId = room, ToParticipantId = r.ParticipantId, Text = "psst" })
            .ExpectErrorAsync(ErrorCodes.Forbidden);
        var marker = await led.Facilitator.Call<CheckInMessageView>("SendCheckInMessage", new CheckInMessageRequest { RoomId = room, ToParticipantId = r.ParticipantId, Text = "marker" });
        await rexCheckIns.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.Single(rexCheckIns.Seen);
        Assert.DoesNotContain(await rex.History(room), m => m.Text == "How are you doing?");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Admins_read_the_audit_log_without_message_text(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var patId = Ids.User();
        await using var pat = await Server.ConnectAsync(patId, protocol);
        var p = await pat.Join(room, "Pat");
        var secret = await pat.Send(room, "secret words 1234");
        await led.Facilitator.Call<RoomStateView>("MuteParticipant", room, p.ParticipantId, 5);
        await led.Facilitator.Call("DeleteMessage", room, secret.MessageId);

        var admin = await Server.TokenAsync("admin-1", "admin");
        var entries = (await GetJsonAsync($"/api/audit?roomId={room}", admin)).EnumerateArray().ToList();
        Assert.Equal(["message_deleted", "muted", "session_started"], entries.Select(e => e.GetProperty("action").GetString()));
        var muted = entries[1];
        Assert.Equal(led.FacilitatorUserId, muted.GetProperty("actorUserId").GetString());
        Assert.Equal(patId, muted.GetProperty("targetUserId").GetString());
        Assert.Equal("minutes=5", muted.GetProperty("detail").GetString());
        Assert.Equal(secret.MessageId, entries[0].GetProperty("targetMessageId").GetString());
        Assert.DoesNotContain(entries, e => e.GetRawText().Contains("secret words", StringComparison.Ordinal));

        // Not for facilitators; bad input is a ProblemDetails.
        var facToken = await Server.TokenAsync(led.FacilitatorUserId, "facilitator");
        using var forbidden = await SendAsync(HttpMethod.Get, $"/api/audit?roomId={room}", facToken);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var bad = await SendAsync(HttpMethod.Get, "/api/audit?limit=0", admin);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ErrorCodes.InvalidArgument, (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        return await Server.Http.SendAsync(request);
    }

    private async Task<JsonElement> GetJsonAsync(string path, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
