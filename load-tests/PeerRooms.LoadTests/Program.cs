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
ScenarioResult? ours = null, baseline = null;
string? failure = null;
try
{
    var ourRuns = new List<ScenarioResult>();
    var bareRuns = new List<ScenarioResult>();
    for (var run = 1; run <= options.Repeat; run++)
    {
        if (options.Repeat > 1) Console.Error.WriteLine($"==== run {run} of {options.Repeat}");
        ourRuns.Add(await RunAsync(await StartPeerRoomsAsync(options, cts.Token), options, cts.Token));
        if (options.Baseline == "bare" && options.Scenario != "escalation")
        {
            var bareDll = options.BareDll ?? ServerProcess.BuildOutput("load-tests/PeerRooms.BareHub", "PeerRooms.BareHub.dll");
            var bare = await ServerProcess.StartDotnetAsync("bare", bareDll, [], cts.Token);
            bareRuns.Add(await RunAsync(new BareTarget(bare, options.Protocol == "messagepack"), options, cts.Token));
        }
    }
    ours = Medians.Of(ourRuns);
    baseline = bareRuns.Count > 0 ? Medians.Of(bareRuns) : null;
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    failure = $"{ex.GetType().Name}: {ex.Message}";
    Console.Error.WriteLine($"load run failed: {ex}");
}

if (ours is not null) PrintSummary(ours, baseline);
var report = ours is null
    ? JsonSerializer.Serialize(new { scenario = options.Scenario, connections = options.Connections, errors = 1, error = failure })
    : new RunReport { Ours = failure is null ? ours : ours with { Errors = ours.Errors + 1, Note = failure }, Baseline = baseline }.ToJson();
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

static async Task<ILoadTarget> StartPeerRoomsAsync(LoadOptions options, CancellationToken ct)
{
    var protocol = options.Protocol == "messagepack" ? WireProtocol.MessagePack : WireProtocol.Json;
    if (options.Urls.Count > 0) return new PeerRoomsTarget(options.Urls, [], protocol);

    var dll = options.ServerDll ?? ServerProcess.BuildOutput("src/PeerRooms.Server", "PeerRooms.Server.dll");
    var owned = new List<ServerProcess>();
    var settings = new List<string>
    {
        $"--PeerRooms:DataDirectory={Path.Combine(ServerProcess.RunDirectory, "peerrooms")}",
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
    if (options.Redis)
    {
        var redis = await ServerProcess.StartRedisAsync(ct);
        owned.Add(redis);
        settings.Add($"--PeerRooms:Redis=127.0.0.1:{redis.Port}");
        for (var n = 1; n <= 2; n++)
            owned.Add(await ServerProcess.StartDotnetAsync("peerrooms", dll, [.. settings, $"--PeerRooms:NodeId=load-node-{n}"], ct));
    }
    else
    {
        owned.Add(await ServerProcess.StartDotnetAsync("peerrooms", dll, settings, ct));
    }
    return new PeerRoomsTarget([.. owned.Where(p => p.Name == "peerrooms").Select(p => p.Url)], owned, protocol);
}

static void PrintSummary(ScenarioResult ours, ScenarioResult? bare)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"{"",-28}{"peerrooms",14}{"bare",14}{"ratio",10}");
    Row("delivered/s", ours.DeliveredPerS, bare?.DeliveredPerS);
    Row("p50 ms", ours.P50Ms, bare?.P50Ms);
    Row("p99 ms", ours.P99Ms, bare?.P99Ms);
    Row("server CPU us/delivery", ours.ServerCpuUsPerDelivery, bare?.ServerCpuUsPerDelivery);
    Row("server CPU %", ours.ServerCpuPct, bare?.ServerCpuPct);
    Row("server kB/connection", ours.ServerKbPerConnection, bare?.ServerKbPerConnection);
    Row("server RSS MB", ours.ServerRssMb, bare?.ServerRssMb);
    Row("client CPU %", ours.ClientCpuPct, bare?.ClientCpuPct);
    Row("errors", ours.Errors, bare?.Errors);
    if (ours.Note is not null) Console.Error.WriteLine(ours.Note);

    static void Row(string name, double? a, double? b) =>
        Console.Error.WriteLine($"{name,-28}{Fmt(a),14}{Fmt(b),14}{(a is { } x && b is { } y && y > 0 ? (x / y).ToString("F2") : "-"),10}");
    static string Fmt(double? v) => v?.ToString("0.###") ?? "-";
}
