using System.Diagnostics;

namespace PeerRooms.LoadTests;

/// <summary>
/// The scenarios. Each ramps connections up, runs load through a warm-up and then a measured window,
/// and reads server CPU (/proc stat) over the window and memory (VmRSS) at its end.
/// </summary>
public static class Scenarios
{
    public static Task<ScenarioResult> RunAsync(ILoadTarget target, LoadOptions o, CancellationToken ct) => o.Scenario switch
    {
        "rooms" or "broadcast" => MessagingAsync(target, o, ct),
        "idle" => IdleAsync(target, o, ct),
        "churn" => ChurnAsync(target, o, ct),
        "escalation" => EscalationScenario.RunAsync(target, o, ct),
        _ => throw new ArgumentException(o.Scenario),
    };

    private static int Rooms(LoadOptions o) => (o.Connections + o.RoomSize - 1) / o.RoomSize;

    /// <summary>rooms: every connection sends; broadcast: the first member of each room sends.</summary>
    private static async Task<ScenarioResult> MessagingAsync(ILoadTarget target, LoadOptions o, CancellationToken ct)
    {
        var m = new Measurements();
        await target.PrepareAsync(Rooms(o), o.RoomSize, o.Connections, ct);
        await using var set = new ConnectionSet(target, m);
        await using var progress = new Progress(target.Name, m, () => set.Connected, o.Connections);
        await set.OpenAsync(0, o.Connections, o.Connections, o.RoomSize, o.RampPerSecond, ct);

        var senders = Enumerable.Range(0, o.Connections)
            .Where(i => set[i] is not null && (o.Scenario == "rooms" || i % o.RoomSize == 0))
            .Select(i => new Sender(set[i]!, target.Room(ConnectionSet.RoomOf(i, o.RoomSize))))
            .ToArray();
        progress.Phase = "warm-up";
        var clientCpu = ClientCpu.Start();
        var window = await RunSendersAsync(senders, o, m, progress, target.ServerPids, ct);

        // Fan-out per send: members of the sender's room (the sender receives its own message too).
        var expected = senders.Sum(s => (double)MembersOf(s.Room, set, target, o)) / Math.Max(1, senders.Length) * m.SentInWindow;
        return Result(target, o, m, window, clientCpu) with
        {
            DeliveryRatio = expected > 0 ? Math.Round(m.Delivered / expected, 4) : null,
        };
    }

    private static int MembersOf(string room, ConnectionSet set, ILoadTarget target, LoadOptions o)
    {
        var index = Enumerable.Range(0, Rooms(o)).First(r => target.Room(r) == room);
        return Enumerable.Range(index * o.RoomSize, Math.Min(o.RoomSize, o.Connections - index * o.RoomSize)).Count(i => set[i] is not null);
    }

    /// <summary>The load generator's own CPU use since <see cref="Start"/> (it shares the machine with the server).</summary>
    private sealed class ClientCpu
    {
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly long _started = Stopwatch.GetTimestamp();

        public static ClientCpu Start() => new();

        public double Percent() => Math.Round(
            (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds / Stopwatch.GetElapsedTime(_started).TotalSeconds * 100, 1);
    }

    private sealed class Sender(ILoadConnection connection, string room)
    {
        public ILoadConnection Connection { get; } = connection;
        public string Room { get; } = room;
        public long NextDue;
        public int InFlight;
    }

    /// <summary>Measured window: start and end timestamps, server CPU µs used in it.</summary>
    private sealed record Window(double Seconds, double? ServerCpuUs, long? RssKb);

    private static async Task<Window> RunSendersAsync(Sender[] senders, LoadOptions o, Measurements m, Progress progress, IReadOnlyList<int> pids, CancellationToken ct)
    {
        var interval = (long)(Stopwatch.Frequency / o.Rate);
        var start = Stopwatch.GetTimestamp();
        foreach (var s in senders) s.NextDue = start + Random.Shared.NextInt64(interval); // staggered, no lock-step bursts
        var measureStart = start + (long)(o.WarmupSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(o.DurationSeconds * Stopwatch.Frequency);
        m.OpenWindow(measureStart, measureEnd);
        double? cpuAtStart = null;

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
        while (await timer.WaitForNextTickAsync(ct))
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= measureEnd) break;
            if (cpuAtStart is null && now >= measureStart)
            {
                cpuAtStart = ProcessStats.CpuMicroseconds(pids) ?? double.NaN;
                progress.Phase = "measuring";
            }
            foreach (var s in senders)
            {
                if (now < s.NextDue) continue;
                s.NextDue += interval;
                if (s.NextDue < now - interval) s.NextDue = now; // fell far behind: do not burst to catch up
                if (Interlocked.CompareExchange(ref s.InFlight, 1, 0) != 0) { m.OnSkipped(); continue; }
                _ = SendOneAsync(s, o.Payload, m, ct);
            }
        }

        progress.Phase = "draining";
        await DrainAsync(m, ct);
        var cpuAtEnd = ProcessStats.CpuMicroseconds(pids);
        return new Window(o.DurationSeconds, cpuAtEnd - (double.IsNaN(cpuAtStart ?? double.NaN) ? null : cpuAtStart), ProcessStats.RssKilobytes(pids));
    }

    private static async Task SendOneAsync(Sender s, int size, Measurements m, CancellationToken ct)
    {
        var at = Stopwatch.GetTimestamp();
        try
        {
            m.OnSent(at);
            await s.Connection.SendAsync(s.Room, Payload.Create(at, size), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            m.OnError();
            if (m.Errors <= 3) Console.Error.WriteLine($"send failed: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            Volatile.Write(ref s.InFlight, 0);
        }
    }

    /// <summary>Waits until deliveries stop arriving (at most 5 s), so slow deliveries still count.</summary>
    private static async Task DrainAsync(Measurements m, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
        var last = -1L;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(250, ct); // watching a counter settle, bounded by the deadline
            var now = m.Received;
            if (now == last) return;
            last = now;
        }
    }

    /// <summary>idle: server memory per joined connection, over a small warm set that absorbs start-up costs.</summary>
    private static async Task<ScenarioResult> IdleAsync(ILoadTarget target, LoadOptions o, CancellationToken ct)
    {
        var m = new Measurements();
        await target.PrepareAsync(Rooms(o), o.RoomSize, o.Connections, ct);
        await using var set = new ConnectionSet(target, m);
        await using var progress = new Progress(target.Name, m, () => set.Connected, o.Connections);
        var warm = Math.Min(o.Connections / 2, 50);
        await set.OpenAsync(0, warm, o.Connections, o.RoomSize, o.RampPerSecond, ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // let the server settle before the memory baseline
        var rssWarm = ProcessStats.RssKilobytes(target.ServerPids);
        var warmConnected = set.Connected;
        await set.OpenAsync(warm, o.Connections, o.Connections, o.RoomSize, o.RampPerSecond, ct);
        progress.Phase = "idle";
        var cpu0 = ProcessStats.CpuMicroseconds(target.ServerPids);
        var clientCpu = ClientCpu.Start();
        await Task.Delay(TimeSpan.FromSeconds(o.DurationSeconds), ct); // the idle period is what is measured
        var rss = ProcessStats.RssKilobytes(target.ServerPids);
        var window = new Window(o.DurationSeconds, ProcessStats.CpuMicroseconds(target.ServerPids) - cpu0, rss);
        var added = set.Connected - warmConnected;
        return Result(target, o, m, window, clientCpu) with
        {
            ServerKbPerConnection = rss is { } r && rssWarm is { } w && added > 0 ? Math.Round((r - w) / (double)added, 2) : null,
            Note = "idle: delivered_per_s is 0 by design; server_kb_per_connection = (VmRSS after - VmRSS after a warm set) / connections added",
        };
    }

    /// <summary>churn: connections leave their room and join it again at a fixed rate; latency is per call.</summary>
    private static async Task<ScenarioResult> ChurnAsync(ILoadTarget target, LoadOptions o, CancellationToken ct)
    {
        var m = new Measurements();
        await target.PrepareAsync(Rooms(o), o.RoomSize, o.Connections, ct);
        await using var set = new ConnectionSet(target, m);
        await using var progress = new Progress(target.Name, m, () => set.Connected, o.Connections);
        await set.OpenAsync(0, o.Connections, o.Connections, o.RoomSize, o.RampPerSecond, ct);
        var busy = new int[o.Connections];
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + (long)(o.WarmupSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(o.DurationSeconds * Stopwatch.Frequency);
        m.OpenWindow(measureStart, measureEnd);
        var clientCpu = ClientCpu.Start();
        double? cpu0 = null;
        var interval = Stopwatch.Frequency / (double)o.ChurnPerSecond;
        var next = (double)start;
        var inFlight = new List<Task>();
        progress.Phase = "warm-up";
        while (Stopwatch.GetTimestamp() < measureEnd)
        {
            var now = Stopwatch.GetTimestamp();
            if (cpu0 is null && now >= measureStart) { cpu0 = ProcessStats.CpuMicroseconds(target.ServerPids); progress.Phase = "measuring"; }
            while (next <= now)
            {
                next += interval;
                var i = Random.Shared.Next(o.Connections);
                if (target is PeerRoomsTarget p && p.IsFacilitator(i)) continue; // keep every session open
                if (set[i] is not { } c || Interlocked.CompareExchange(ref busy[i], 1, 0) != 0) { m.OnSkipped(); continue; }
                var room = target.Room(ConnectionSet.RoomOf(i, o.RoomSize));
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        var t = Stopwatch.GetTimestamp();
                        await c.LeaveAsync(room, ct);
                        m.OnOperation(t);
                        t = Stopwatch.GetTimestamp();
                        await c.JoinAsync(room, ct);
                        m.OnOperation(t);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        m.OnError();
                        if (m.Errors <= 3) Console.Error.WriteLine($"churn failed: {ex.GetType().Name}: {ex.Message}");
                    }
                    finally { Volatile.Write(ref busy[i], 0); }
                }, ct));
            }
            inFlight.RemoveAll(t => t.IsCompleted);
            await Task.Delay(5, ct); // pacing the operation rate
        }
        await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(30), ct);
        var window = new Window(o.DurationSeconds, ProcessStats.CpuMicroseconds(target.ServerPids) - cpu0, ProcessStats.RssKilobytes(target.ServerPids));
        return Result(target, o, m, window, clientCpu, operations: true) with
        {
            Note = "churn: delivered_per_s counts completed LeaveRoom/JoinRoom calls per second; latencies are per call",
        };
    }

    private static ScenarioResult Result(ILoadTarget target, LoadOptions o, Measurements m, Window w, ClientCpu clientCpu, bool operations = false)
    {
        var delivered = operations ? m.Operations : m.Delivered;
        return new ScenarioResult
        {
            Target = target.Name,
            Scenario = o.Scenario,
            Protocol = o.Protocol,
            Connections = o.Connections,
            Nodes = target.Nodes,
            RoomSize = o.RoomSize,
            Rate = o.Rate,
            Payload = o.Payload,
            DurationS = o.DurationSeconds,
            DeliveredPerS = Math.Round(delivered / w.Seconds, 1),
            SentPerS = Math.Round(m.SentInWindow / w.Seconds, 1),
            P50Ms = m.PercentileMs(50),
            P90Ms = m.PercentileMs(90),
            P99Ms = m.PercentileMs(99),
            MaxMs = m.MaxMs,
            ServerCpuUsPerDelivery = w.ServerCpuUs is { } cpu && delivered > 0 ? Math.Round(cpu / delivered, 2) : null,
            ServerCpuPct = w.ServerCpuUs is { } c ? Math.Round(c / (w.Seconds * 10_000), 1) : null,
            ServerRssMb = w.RssKb is { } kb ? Math.Round(kb / 1024.0, 1) : null,
            ClientCpuPct = clientCpu.Percent(),
            Errors = m.Errors,
            SkippedSends = m.Skipped,
        };
    }
}
