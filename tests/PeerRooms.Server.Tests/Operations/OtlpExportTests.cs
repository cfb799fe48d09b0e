using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>
/// With an OTLP endpoint configured, traces and metrics reach the collector (a fake one on a free
/// local port, http/protobuf), hub spans among them, and nothing exported carries the hub token,
/// message text or a pseudonym.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private WebApplication _collector = null!;
    private string _endpoint = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (HttpContext ctx) =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            _received.Enqueue((ctx.Request.Path.Value!, buffer.ToArray()));
            return Results.Ok();
        });
        await _collector.StartAsync();
        _endpoint = _collector.Urls.First();
    }

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    [Theory, ClassData(typeof(Protocols))]
    public async Task Traces_and_metrics_reach_the_collector_without_tokens_names_or_text(HubProtocol protocol)
    {
        var server = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Telemetry:OtlpEndpoint"] = _endpoint,
            ["PeerRooms:Telemetry:OtlpProtocol"] = "http/protobuf",
        });
        string token, room;
        try
        {
            room = await server.CreateRoomAsync("Traced room");
            token = await server.TokenAsync(Ids.User(), "participant");
            await using var connection = await server.ConnectWithTokenAsync(null, protocol, $"{HubPaths.Rooms}?access_token={token}");
            await connection.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Hortensia Vale" }).WaitAsync(Timeouts.Default);
            await connection.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = room, ClientMessageId = Ids.Message(), Text = "otlp-secret-words" }).WaitAsync(Timeouts.Default);
            // An ordinary request with the token in its query string: its HTTP span is complete at once.
            using (await server.Http.GetAsync($"/api/rooms?access_token={token}")) { }
            // Export now rather than at the next interval (flushing waits for the collector's answer).
            Assert.True(server.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "trace flush");
            // (The Prometheus reader, pull-only, reports false for a flush; the OTLP reader exports.)
            server.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
        }
        finally
        {
            await Task.Run(server.Dispose).WaitAsync(TimeSpan.FromSeconds(30));
        }

        var traces = Decode("/v1/traces");
        var metrics = Decode("/v1/metrics");
        Assert.Contains("RoomHub/SendMessage", traces, StringComparison.Ordinal);
        Assert.Contains(room, traces, StringComparison.Ordinal);
        Assert.Contains("/api/rooms", traces, StringComparison.Ordinal);
        Assert.Contains("peerrooms.messages.received", metrics, StringComparison.Ordinal);
        foreach (var exported in new[] { traces, metrics })
        {
            Assert.DoesNotContain(token.Split('.')[1], exported, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[2], exported, StringComparison.Ordinal);
            Assert.DoesNotContain("otlp-secret-words", exported, StringComparison.Ordinal);
            Assert.DoesNotContain("Hortensia", exported, StringComparison.Ordinal);
        }
    }

    /// <summary>Every body posted to <paramref name="path"/>, as text (protobuf keeps strings as UTF-8).</summary>
    private string Decode(string path)
        => string.Join('\n', _received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
}
