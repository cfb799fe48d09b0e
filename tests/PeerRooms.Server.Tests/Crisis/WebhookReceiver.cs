using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>A small real Kestrel webhook receiver on 127.0.0.1 that answers 503 to its first <c>failures</c> requests, then 200.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    public sealed record Received(int Number, string Body, string? Signature, string? DedupKey, int Status);

    public WebhookReceiver(int failures)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref _count);
            var status = n <= failures ? 503 : 200;
            Requests.Add(new Received(n, body, http.Request.Headers["X-PeerRooms-Signature"], http.Request.Headers["X-PeerRooms-Dedup-Key"], status));
            Arrived.Release();
            return Results.StatusCode(status);
        });
    }

    public ConcurrentBag<Received> Requests { get; } = [];

    public SemaphoreSlim Arrived { get; } = new(0);

    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address + "/hook";
    }

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived.</summary>
    public async Task<Received> WaitForAsync(Func<Received, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Requests.Where(match).OrderBy(r => r.Number).FirstOrDefault() is { } hit) return hit;
            try { await Arrived.WaitAsync(cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no matching webhook request within {timeout.TotalSeconds}s"); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
