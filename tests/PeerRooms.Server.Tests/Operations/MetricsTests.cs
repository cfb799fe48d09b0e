using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>/metrics after a scripted session: the counters are there, plausible, and carry no personal data.</summary>
/// <remarks>
/// Not run in parallel with other classes: the "PeerRooms" meter's up-down counters (connections, live
/// rooms) are seen process-wide, so another test server closing connections it opened before this
/// server's meter listener started would subtract from the sums asserted here.
/// </remarks>
[Collection(nameof(MetricsTests))]
public class MetricsTests
{

    [Theory, ClassData(typeof(Protocols))]
    public async Task Scrape_after_a_session_shows_plausible_counters_and_no_personal_data(HubProtocol protocol)
    {
        using var server = new PeerRoomsServer();
        var facilitatorId = Ids.User("fac");
        var room = await server.CreateRoomAsync("Metrics room", facilitators: [facilitatorId]);
        var aliceId = Ids.User("alice");
        var bobId = Ids.User("bob");
        await using var alice = await server.ConnectAsync(aliceId, protocol);
        await using var bob = await server.ConnectAsync(bobId, protocol);
        using var bobMessages = bob.Record<MessageView>(RoomEvents.MessageReceived);
        var a = await Join(alice, room, "Quillon Avery");
        var b = await Join(bob, room, "Marisol Thane");
        var texts = new[] { "first secret-text-7f3a", "second secret-text-8b4c", "third secret-text-9d5e" };
        foreach (var text in texts)
        {
            var ack = await Send(alice, room, text);
            await bobMessages.NextAsync(m => m.MessageId == ack.MessageId);
        }
        // Errors: a room the caller is not in, and a message that is too long.
        await Send(bob, "not-joined-room", "x").ExpectErrorAsync(ErrorCodes.NotMember);
        await Send(bob, room, new string('y', 4001)).ExpectErrorAsync(ErrorCodes.MessageTooLong);
        // A moderation action.
        await using var facilitator = await server.ConnectAsync(facilitatorId, protocol);
        await Join(facilitator, room, "Facilitator Wren");
        await facilitator.InvokeAsync<RoomStateView>("MuteParticipant", room, b.ParticipantId, 5).WaitAsync(Timeouts.Default);

        using var response = await server.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = new PrometheusScrape(await response.Content.ReadAsStringAsync());

        // Other test servers in this process may add to the same series: lower bounds, not equality.
        Assert.True(scrape.Sum("peerrooms_connections") >= 2, "connections");
        Assert.True(scrape.Sum("peerrooms_rooms_live") >= 1, "rooms live");
        Assert.True(scrape.Sum("peerrooms_messages_received_total", ("audience", "everyone")) >= 3, "messages received");
        Assert.True(scrape.Sum("peerrooms_messages_delivered_total", ("audience", "everyone")) >= 3, "messages delivered");
        Assert.True(scrape.Sum("peerrooms_fanout_duration_seconds_count", ("backplane", "memory")) >= 3, "fan-out latency");
        Assert.True(scrape.Sum("peerrooms_hub_invocation_duration_seconds_count", ("method", "JoinRoom"), ("outcome", "ok")) >= 2, "join latency");
        Assert.True(scrape.Sum("peerrooms_hub_invocation_duration_seconds_count", ("method", "SendMessage"), ("outcome", "ok")) >= 3, "send latency");
        Assert.True(scrape.Sum("peerrooms_hub_invocation_errors_total", ("method", "SendMessage"), ("error_code", "not_member")) >= 1, "not_member errors");
        Assert.True(scrape.Sum("peerrooms_hub_invocation_errors_total", ("method", "SendMessage"), ("error_code", "message_too_long")) >= 1, "too long errors");
        Assert.True(scrape.Sum("peerrooms_moderation_actions_total", ("kind", "muted")) >= 1, "moderation actions");
        // Framework and runtime metrics come along.
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"), "ASP.NET Core request metrics");
        Assert.Contains(scrape.Samples, s => s.Name.StartsWith("dotnet_", StringComparison.Ordinal));
        Assert.Contains(scrape.Samples, s => s.Name.StartsWith("kestrel_", StringComparison.Ordinal));
        // ...except Kestrel's per-buffer memory-pool meter, which would cost CPU on every frame sent.
        Assert.DoesNotContain(scrape.Samples, s => s.Name.StartsWith("aspnetcore_memory_pool", StringComparison.Ordinal));

        // No personal data anywhere: user ids, pseudonyms, text, room and participant ids.
        string[] personal = [aliceId, bobId, facilitatorId, "Quillon", "Marisol", "Wren", "secret-text", room, a.ParticipantId, b.ParticipantId];
        foreach (var p in personal) Assert.DoesNotContain(p, scrape.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Metrics_can_be_limited_to_allowed_networks()
    {
        using var server = new PeerRoomsServer(new Dictionary<string, string?> { ["PeerRooms:Metrics:AllowedNetworks:0"] = "10.0.0.0/8" });
        using var refused = await server.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Metrics_can_be_limited_to_a_separate_port()
    {
        using var server = new PeerRoomsServer(new Dictionary<string, string?> { ["PeerRooms:Metrics:Port"] = "1" });
        using var elsewhere = await server.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_separate_metrics_port_serves_metrics_there_and_only_there()
    {
        var metricsPort = RedisServerProcess.FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-test-metrics-" + Guid.NewGuid().ToString("N")[..8]);
        using var cleanup = new DirectoryCleanup(dataDirectory);
        await using var node = new ServerProcess(new Dictionary<string, string?>
        {
            ["PeerRooms:DataDirectory"] = dataDirectory,
            ["PeerRooms:Auth:SigningKey"] = PeerRoomsServer.SigningKey,
            ["PeerRooms:Metrics:Port"] = metricsPort.ToString(),
        }, extraUrls: [$"http://127.0.0.1:{metricsPort}"]);
        await node.StartAsync();

        using var onMain = await node.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, onMain.StatusCode);
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var onMetricsPort = await scraper.GetAsync($"http://127.0.0.1:{metricsPort}/metrics");
        Assert.Equal(HttpStatusCode.OK, onMetricsPort.StatusCode);
        Assert.Contains("peerrooms_rooms_live", await onMetricsPort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"EventId\":7003", node.Output, StringComparison.Ordinal); // no "not listening" warning
    }

    [Fact]
    public async Task Metrics_can_be_switched_off()
    {
        using var server = new PeerRoomsServer(new Dictionary<string, string?> { ["PeerRooms:Metrics:Enabled"] = "false" });
        using var response = await server.Http.GetAsync("/metrics");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class DirectoryCleanup(string path) : IDisposable
    {
        public void Dispose()
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>Runs <see cref="MetricsTests"/> alone (see its remarks).</summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestsCollection;
