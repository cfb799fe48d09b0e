using Microsoft.AspNetCore.SignalR.Client;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;
using PeerRooms.Server.Disclosure;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Disclosure.DisclosureTestKit;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>Ephemeral by default; a room may opt into a transcript kept for a fixed number of days.</summary>
public class RetentionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private ITranscriptStore Transcripts => Server.Services.GetRequiredService<ITranscriptStore>();

    [Theory, ClassData(typeof(Protocols))]
    public async Task Default_rooms_write_no_transcript(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(alice, room, "Alice");
        await Send(alice, room, "nothing of this outlives the session");
        Assert.Empty(await Transcripts.GetAsync(room));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Opted_in_rooms_keep_delivered_messages_until_they_expire_and_retraction_removes_them(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync(policy: new { historyRetentionDays = 7 });
        await using var alice = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(alice, room, "Alice");
        var kept = await Send(alice, room, "kept for a week, call 555 123 4567", topics: ["grief"]);
        var retracted = await Send(alice, room, "taken back");
        await alice.InvokeAsync("RetractMessage", room, retracted.MessageId).WaitAsync(Timeouts.Default);

        var stored = Assert.Single(await Transcripts.GetAsync(room));
        Assert.Equal(kept.MessageId, stored.MessageId);
        Assert.Equal("kept for a week, call [phone]", stored.Text);
        Assert.Equal(["grief"], stored.SensitiveTopics.Items);

        Assert.Equal(0, await Transcripts.PurgeExpiredAsync(stored.SentAt.AddDays(7).AddSeconds(-1)));
        Assert.True(await Transcripts.PurgeExpiredAsync(stored.SentAt.AddDays(7)) >= 1);
        Assert.Empty(await Transcripts.GetAsync(room));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Admins_and_the_rooms_facilitators_read_the_transcript_and_nobody_else(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId], policy: new { historyRetentionDays = 30 });
        var participantId = Ids.User();
        await using var alice = await Server.ConnectAsync(participantId, protocol);
        await Join(alice, room, "Alice");
        var sent = await Send(alice, room, "kept for a month");

        async Task<HttpResponseMessage> Read(string userId, string role)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/rooms/{room}/transcript");
            request.Headers.Authorization = new("Bearer", await Server.TokenAsync(userId, role));
            return await Server.Http.SendAsync(request);
        }
        using var asFacilitator = await Read(facilitatorId, "facilitator");
        var messages = await asFacilitator.Content.ReadFromJsonAsync<MessageView[]>();
        Assert.Equal(sent.MessageId, Assert.Single(messages!).MessageId);
        Assert.Equal("Alice", messages![0].DisplayName);
        Assert.DoesNotContain(participantId, await asFacilitator.Content.ReadAsStringAsync());
        using var asAdmin = await Read("admin-1", "admin");
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        using var asParticipant = await Read(participantId, "participant");
        Assert.Equal(HttpStatusCode.NotFound, asParticipant.StatusCode);
        using var asOtherFacilitator = await Read(Ids.User("fac"), "facilitator");
        Assert.Equal(HttpStatusCode.NotFound, asOtherFacilitator.StatusCode);
    }

    [Fact]
    public async Task The_purge_job_runs_at_start_and_then_on_its_interval()
    {
        // Far in the future, so the fixture node's own (real-clock) purge job never touches these rows.
        var time = new FakeTimeProvider(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var room = "r_purge_" + Guid.NewGuid().ToString("N")[..8];
        ChatMessage Message(string id, DateTimeOffset sentAt) => new()
        {
            MessageId = id, ClientMessageId = id, SenderUserId = "u", SenderParticipantId = "p", SenderDisplayName = "n", Text = "t", SentAt = sentAt, Sequence = 1,
        };
        await Transcripts.AppendAsync(room, Message("m_old", time.GetUtcNow().AddDays(-8)), time.GetUtcNow().AddDays(-1));
        await Transcripts.AppendAsync(room, Message("m_new", time.GetUtcNow()), time.GetUtcNow().AddMinutes(90));
        using var service = new TranscriptPurgeService(Transcripts, Options.Create(new DisclosureOptions { TranscriptPurgeIntervalMinutes = 60 }), time, NullLogger<TranscriptPurgeService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(Timeouts.Default);
            Assert.True(await service.Rounds.ReadAsync(timeout.Token) >= 1);
            Assert.Equal(["m_new"], (await Transcripts.GetAsync(room)).Select(m => m.MessageId));

            time.Advance(TimeSpan.FromMinutes(60));
            await service.Rounds.ReadAsync(timeout.Token);
            Assert.Single(await Transcripts.GetAsync(room));
            time.Advance(TimeSpan.FromMinutes(60));
            await service.Rounds.ReadAsync(timeout.Token);
            Assert.Empty(await Transcripts.GetAsync(room));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
