using System.Diagnostics;
using System.Net;
using PeerRooms.Client;

namespace PeerRooms.LoadTests;

/// <summary>
/// escalation: time from a risky message in a room to the page on the crisis console
/// (<c>/hubs/crisis</c>, docs/protocol.md "Crisis escalation"). N connections sit in rooms of K; during
/// the measured window participants (each once: one active case per participant and room) send a
/// risky message at --rate per second; latency is send time (embedded in the text) to the first
/// <c>CasePaged</c> of that case. On a server without the crisis hub the scenario reports
/// "not available on this server" instead of failing.
/// </summary>
public static class EscalationScenario
{
    public const string NotAvailable = "not available on this server: /hubs/crisis is not served (the crisis console has not landed on this build)";
    private const string Risky = " I want to die tonight, I have the pills saved up";

    public static async Task<ScenarioResult> RunAsync(ILoadTarget target, LoadOptions o, CancellationToken ct)
    {
        var empty = new ScenarioResult { Target = target.Name, Scenario = o.Scenario, Protocol = o.Protocol, Nodes = target.Nodes };
        if (target is not PeerRoomsTarget peer) return empty with { Note = "the bare hub has no crisis console" };
        if (!await CrisisHubServedAsync(peer, ct)) return empty with { Note = NotAvailable };

        var m = new Measurements();
        await target.PrepareAsync((o.Connections + o.RoomSize - 1) / o.RoomSize, o.RoomSize, o.Connections, ct);
        await using var console = await peer.CrisisConsoleAsync(ct);
        var paged = new HashSet<string>(StringComparer.Ordinal);
        console.CasePaged += e =>
        {
            lock (paged) if (!paged.Add(e.Case.CaseId)) return; // pages repeat (at least once, tiers): count the first
            if (e.Case.TriggeringMessage?.Text is { } text) m.OnReceived(text);
        };
        var roomTraffic = new Measurements(); // room deliveries of the risky messages are not pages
        await using var set = new ConnectionSet(target, roomTraffic);
        await using var progress = new Progress(target.Name, m, () => set.Connected, o.Connections);
        await set.OpenAsync(0, o.Connections, o.Connections, o.RoomSize, o.RampPerSecond, ct);

        var senders = Enumerable.Range(0, o.Connections).Where(i => set[i] is not null && !peer.IsFacilitator(i)).ToArray();
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + (long)(o.WarmupSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(o.DurationSeconds * Stopwatch.Frequency);
        m.OpenWindow(measureStart, measureEnd);
        var cpu0 = ProcessStats.CpuMicroseconds(target.ServerPids);
        var interval = TimeSpan.FromSeconds(1 / o.Rate);
        var sends = new List<Task>();
        progress.Phase = "escalating";
        foreach (var i in senders)
        {
            if (Stopwatch.GetTimestamp() >= measureEnd) break;
            var at = Stopwatch.GetTimestamp();
            var room = target.Room(ConnectionSet.RoomOf(i, o.RoomSize));
            m.OnSent(at);
            sends.Add(SendAsync(set[i]!, room, Payload.Create(at, 17) + Risky, roomTraffic, ct));
            await Task.Delay(interval, ct); // pacing the escalation rate
        }
        await Task.WhenAll(sends);
        progress.Phase = "draining";
        var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency; // pages may take a poll interval or two
        while (m.Delivered < m.SentInWindow && Stopwatch.GetTimestamp() < deadline) await Task.Delay(100, ct); // waiting for pages, bounded
        var seconds = Math.Max(0.001, Stopwatch.GetElapsedTime(measureStart).TotalSeconds);
        var cpu = ProcessStats.CpuMicroseconds(target.ServerPids) - cpu0;
        return empty with
        {
            Connections = o.Connections,
            RoomSize = o.RoomSize,
            Rate = o.Rate,
            DurationS = o.DurationSeconds,
            DeliveredPerS = Math.Round(m.Delivered / seconds, 2),
            SentPerS = Math.Round(m.SentInWindow / seconds, 2),
            DeliveryRatio = m.SentInWindow > 0 ? Math.Round(m.Delivered / (double)m.SentInWindow, 4) : null,
            P50Ms = m.PercentileMs(50),
            P90Ms = m.PercentileMs(90),
            P99Ms = m.PercentileMs(99),
            MaxMs = m.MaxMs,
            ServerCpuPct = cpu is { } c ? Math.Round(c / (seconds * 10_000), 1) : null,
            ServerRssMb = ProcessStats.RssKilobytes(target.ServerPids) is { } kb ? Math.Round(kb / 1024.0, 1) : null,
            Errors = roomTraffic.Errors + Math.Max(0, m.SentInWindow - m.Delivered),
            Note = "escalation: delivered_per_s = cases paged per second; latency = risky SendMessage to the first CasePaged on /hubs/crisis; every risky message not paged counts as an error",
        };
    }

    private static async Task SendAsync(ILoadConnection connection, string room, string text, Measurements m, CancellationToken ct)
    {
        try
        {
            await connection.SendAsync(room, text, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            m.OnError();
            if (m.Errors <= 3) Console.Error.WriteLine($"risky send failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Whether the node serves the crisis hub: its negotiate endpoint answers anything but 404.</summary>
    private static async Task<bool> CrisisHubServedAsync(PeerRoomsTarget target, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var token = await PeerRoomsDevTokens.RequestAsync(http, target.FirstNode, "load-crisis-probe", ["crisis-staff"], ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.FirstNode, Core.Contracts.HubPaths.Crisis + "/negotiate?negotiateVersion=1"));
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode != HttpStatusCode.NotFound;
    }
}
