using System.Text.Json;
using PeerRooms.Client;
using PeerRooms.LoadTests;

// PeerRooms load generator: see LoadOptions.Usage and docs/performance.md.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("Try --help.");
    return 2;
}
if (options.Help)
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxRunSeconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
ScenarioResult? ours = null;
var baselines = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);
string? failure = null;
try
{
    var ourRuns = new List<ScenarioResult>();
    var baselineKinds = options.Scenario == "escalation" ? [] : options.Baselines;
    var baselineRuns = baselineKinds.ToDictionary(b => b, _ => new List<ScenarioResult>(), StringComparer.Ordinal);
    for (var run = 1; run <= options.Repeat; run++)
    {
        if (options.Repeat > 1) Console.Error.WriteLine($"==== run {run} of {options.Repeat}");
        var oursTarget = options.Urls.Count > 0
            ? new PeerRoomsTarget(options.Urls, [], Protocol(options))
            : await StartPeerRoomsAsync("peerrooms", options, options.Redis, options.Redis ? options.Nodes : 1, cts.Token);
        ourRuns.Add(await RunAsync(oursTarget, options, cts.Token));
        foreach (var kind in baselineKinds)
            baselineRuns[kind].Add(await RunAsync(await StartBaselineAsync(kind, options, cts.Token), options, cts.Token));
    }
    ours = Medians.Of(ourRuns);
    foreach (var (kind, runs) in baselineRuns) baselines[kind] = Medians.Of(runs);
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    failure = $"{ex.GetType().Name}: {ex.Message}";
    Console.Error.WriteLine($"load run failed: {ex}");
}

if (ours is not null) PrintSummary(ours, baselines);
var report = ours is null
    ? JsonSerializer.Serialize(new { scenario = options.Scenario, connections = options.Connections, errors = 1, error = failure })
    : new RunReport { Ours = failure is null ? ours : ours with { Errors = ours.Errors + 1, Note = failure }, Baselines = baselines }.ToJson();
Console.WriteLine($"RESULT {report}");
return failure is null ? 0 : 1;

static async Task<ScenarioResult> RunAsync(ILoadTarget target, LoadOptions options, CancellationToken ct)
{
    await using (target)
    {
        Console.Error.WriteLine($"== {target.Name}: {options.Scenario}, {options.Connections} connections, rooms of {options.RoomSize}, " +
            $"{options.Rate} msg/s, {options.Payload} B, {options.Protocol}, warm-up {options.WarmupSeconds}s, measure {options.DurationSeconds}s");
        return await Scenarios.RunAsync(target, options, ct);
    }
}

static WireProtocol Protocol(LoadOptions options) => options.Protocol == "messagepack" ? WireProtocol.MessagePack : WireProtocol.Json;

static async Task<ILoadTarget> StartBaselineAsync(string kind, LoadOptions options, CancellationToken ct)
{
    switch (kind)
    {
        case "node": return await StartPeerRoomsAsync("node", options, redis: false, nodes: 1, ct);
        case "redis-node": return await StartPeerRoomsAsync("redis-node", options, redis: true, nodes: 1, ct);
        default:
            var bareDll = options.BareDll ?? ServerProcess.BuildOutput("load-tests/PeerRooms.BareHub", "PeerRooms.BareHub.dll");
            var bare = await ServerProcess.StartDotnetAsync("bare", bareDll, [], ct);
            return new BareTarget(bare, options.Protocol == "messagepack");
    }
}

/// <summary>Starts <paramref name="nodes"/> PeerRooms nodes from the build output (or --server-dll), behind a fresh redis-server when <paramref name="redis"/>.</summary>
static async Task<ILoadTarget> StartPeerRoomsAsync(string name, LoadOptions options, bool redis, int nodes, CancellationToken ct)
{
    var dll = options.ServerDll ?? ServerProcess.BuildOutput("src/PeerRooms.Server", "PeerRooms.Server.dll");
    var owned = new List<ServerProcess>();
    var settings = new List<string>
    {
        $"--PeerRooms:DataDirectory={Path.Combine(ServerProcess.RunDirectory, "peerrooms-" + Guid.NewGuid().ToString("N")[..6])}",
        "--PeerRooms:Auth:DevTokens=true",
        // Nodes of one run share the key, so a token minted by one is valid on the other.
        "--PeerRooms:Auth:SigningKey=load-test-signing-key-not-secret-0123456789abcdef",
    };
    // Per-user abuse limits (PeerRooms:Limits, security feature) would refuse a load user sending
    // faster than a person types: raise them to fit the requested load. --server-setting still wins.
    var messagesPerWindow = Math.Max(30, (int)Math.Ceiling(options.Rate * 10 * 2) + 10);
    settings.Add($"--PeerRooms:Limits:MessagesPerWindow={messagesPerWindow}");
    settings.Add($"--PeerRooms:Limits:CallsPerWindow={Math.Max(200, messagesPerWindow * 2)}");
    settings.Add("--PeerRooms:Limits:JoinAttemptsPerMinute=600");
    settings.AddRange(options.ServerSettings);
    try
    {
        if (redis)
        {
            var server = await ServerProcess.StartRedisAsync(ct);
            owned.Add(server);
            settings.Add($"--PeerRooms:Redis=127.0.0.1:{server.Port}");
            for (var n = 1; n <= nodes; n++)
                owned.Add(await ServerProcess.StartDotnetAsync("peerrooms", dll, [.. settings, $"--PeerRooms:NodeId=load-node-{n}"], ct, options.ServerEnvironment));
        }
        else
        {
            owned.Add(await ServerProcess.StartDotnetAsync("peerrooms", dll, settings, ct, options.ServerEnvironment));
        }
    }
    catch
    {
        foreach (var p in owned) await p.DisposeAsync();
        throw;
    }
    return new PeerRoomsTarget([.. owned.Where(p => p.Name == "peerrooms").Select(p => p.Url)], owned, Protocol(options), name);
}

static void PrintSummary(ScenarioResult ours, IReadOnlyDictionary<string, ScenarioResult> baselines)
{
    var names = baselines.Keys.ToArray();
    Console.Error.WriteLine();
    Console.Error.WriteLine($"{"",-28}{ours.Target,14}" + string.Concat(names.Select(n => $"{n,14}{"ratio",8}")));
    Row("delivered/s", r => r.DeliveredPerS);
    Row("sent/s", r => r.SentPerS);
    Row("p50 ms", r => r.P50Ms);
    Row("p99 ms", r => r.P99Ms);
    Row("server CPU us/delivery", r => r.ServerCpuUsPerDelivery);
    Row("server CPU %", r => r.ServerCpuPct);
    Row("server kB/connection", r => r.ServerKbPerConnection);
    Row("server RSS MB", r => r.ServerRssMb);
    Row("client CPU %", r => r.ClientCpuPct);
    Row("errors", r => r.Errors);
    if (ours.Note is not null) Console.Error.WriteLine(ours.Note);

    void Row(string name, Func<ScenarioResult, double?> figure) =>
        Console.Error.WriteLine($"{name,-28}{Fmt(figure(ours)),14}" + string.Concat(names.Select(n =>
            $"{Fmt(figure(baselines[n])),14}{(figure(ours) is { } x && figure(baselines[n]) is { } y && y > 0 ? (x / y).ToString("F2") : "-"),8}")));
    static string Fmt(double? v) => v?.ToString("0.###") ?? "-";
}
