using System.Globalization;

namespace PeerRooms.LoadTests;

/// <summary>The load generator's command line. Everything has a default; <c>--help</c> prints them.</summary>
public sealed record LoadOptions
{
    public string Scenario { get; init; } = "rooms";
    public int Connections { get; init; } = 100;
    public int RoomSize { get; init; } = 10;
    /// <summary>Messages per second per sending connection.</summary>
    public double Rate { get; init; } = 1;
    public int Payload { get; init; } = 64;
    public double DurationSeconds { get; init; } = 10;
    public double WarmupSeconds { get; init; } = 3;
    /// <summary>New connections per second while ramping up.</summary>
    public int RampPerSecond { get; init; } = 500;
    /// <summary>Churn: leave+rejoin operations per second.</summary>
    public int ChurnPerSecond { get; init; } = 50;
    public string Protocol { get; init; } = "json";
    public IReadOnlyList<Uri> Urls { get; init; } = [];
    public bool Redis { get; init; }
    /// <summary>PeerRooms nodes started behind the generator's redis-server (<c>--redis</c>): 2 unless <c>--nodes</c> says otherwise.</summary>
    public int Nodes { get; init; } = 2;
    /// <summary>Targets run right after ours in every round, for ratios: <see cref="BaselineKinds"/>. The first is the main one.</summary>
    public IReadOnlyList<string> Baselines { get; init; } = [];
    /// <summary>The first baseline, if any (the one the top-level ratios compare with).</summary>
    public string? Baseline => Baselines.Count > 0 ? Baselines[0] : null;
    public string? ServerDll { get; init; }
    public string? BareDll { get; init; }
    /// <summary>Extra configuration for the PeerRooms nodes the generator starts (Key=Value, e.g. PeerRooms:Limits:X=1).</summary>
    public IReadOnlyList<string> ServerSettings { get; init; } = [];
    /// <summary>Environment variables for the PeerRooms nodes started here (NAME=value, e.g. DOTNET_TieredPGO=0), not for the generator.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerEnvironment { get; init; } = [];
    /// <summary>Hard limit on the whole run, so it always stops by itself.</summary>
    public double MaxRunSeconds { get; init; } = 600;
    /// <summary>Alternate PeerRooms and the baseline this many times and report medians (noisy shared machines).</summary>
    public int Repeat { get; init; } = 1;
    public bool Help { get; init; }
    private bool NodesGiven { get; init; }

    public static readonly string[] Scenarios = ["rooms", "broadcast", "idle", "churn", "escalation"];

    /// <summary>
    /// Baselines: <c>bare</c> = the bare SignalR relay hub; <c>node</c> = one PeerRooms node with live state in
    /// memory (the usual single node); <c>redis-node</c> = one PeerRooms node on its own redis-server (the
    /// same stores and backplane as <c>--redis</c>, one process).
    /// </summary>
    public static readonly string[] BaselineKinds = ["bare", "node", "redis-node"];

    public const string Usage = """
        PeerRooms load generator. Sends load to 127.0.0.1 only and stops by itself.

        Usage: dotnet run -c Release --project load-tests/PeerRooms.LoadTests -- [options]

          --scenario NAME     rooms | broadcast | idle | churn | escalation            (rooms)
                              rooms:      N connections in rooms of K, each sends R msg/s of P bytes
                              broadcast:  rooms of K (max 500), one sender per room at R msg/s
                              idle:       N joined connections, nobody sends: server memory per connection
                              churn:      N joined connections; C leave+rejoin operations per second
                              escalation: risky message -> crisis console (needs /hubs/crisis)
          --connections N     connections                                               (100)
          --room-size K       members per room                                          (10)
          --rate R            messages per second per sender                            (1)
          --payload P         message size in bytes                                     (64)
          --duration S        measured seconds, after warm-up                           (10)
          --warmup S          seconds of load before measuring                          (3)
          --ramp N            new connections per second while ramping up               (500)
          --churn-rate C      churn operations per second                               (50)
          --protocol P        json | messagepack                                        (json)
          --url URL           a running PeerRooms node (repeat for several nodes behind one Redis;
                              Development or dev tokens on). Without --url the generator starts
                              PeerRooms.Server itself from the build output on a free port.
          --redis             start redis-server and two PeerRooms nodes sharing it
          --nodes N           with --redis: how many nodes share it (1-4)                (2)
          --baseline B[,B]    after each run of ours, run the same load against each baseline and
                              report ratios (the first baseline's at the top level):
                                bare        a bare SignalR relay hub (PeerRooms.BareHub, started here)
                                node        one PeerRooms node, live state in memory
                                redis-node  one PeerRooms node on its own redis-server
          --server-dll PATH   PeerRooms.Server.dll to start (default: this build's output)
          --bare-dll PATH     PeerRooms.BareHub.dll to start (default: this build's output)
          --server-setting K=V  configuration for the nodes started here (repeatable)
          --server-env N=V    environment variable for the PeerRooms nodes started here, e.g. a
                              runtime knob such as DOTNET_TieredPGO=0 (repeatable)
          --repeat N          alternate PeerRooms and the baselines N times; report per-figure medians (1)
          --max-run S         abort the whole run after S seconds                       (600)
          --help              this text

        Progress goes to stderr; the last line on stdout is `RESULT {json}`.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        var urls = new List<Uri>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            double Num() => double.Parse(Value(), CultureInfo.InvariantCulture);
            o = name switch
            {
                "--scenario" => o with { Scenario = Value() },
                "--connections" => o with { Connections = Int() },
                "--room-size" => o with { RoomSize = Int() },
                "--rate" => o with { Rate = Num() },
                "--payload" => o with { Payload = Int() },
                "--duration" => o with { DurationSeconds = Num() },
                "--warmup" => o with { WarmupSeconds = Num() },
                "--ramp" => o with { RampPerSecond = Int() },
                "--churn-rate" => o with { ChurnPerSecond = Int() },
                "--protocol" => o with { Protocol = Value() },
                "--url" => AddUrl(o, urls, Value()),
                "--redis" => o with { Redis = true },
                "--nodes" => o with { Nodes = Int(), NodesGiven = true },
                "--baseline" => o with { Baselines = [.. o.Baselines, .. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--server-dll" => o with { ServerDll = Value() },
                "--bare-dll" => o with { BareDll = Value() },
                "--server-setting" => o with { ServerSettings = [.. o.ServerSettings, "--" + Value()] },
                "--server-env" => o with { ServerEnvironment = [.. o.ServerEnvironment, EnvironmentVariable(Value())] },
                "--max-run" => o with { MaxRunSeconds = Num() },
                "--repeat" => o with { Repeat = Int() },
                "--help" or "-h" => o with { Help = true },
                _ => throw new ArgumentException($"unknown option {name} (see --help)"),
            };
        }
        o = o with { Urls = urls };
        o.Validate();
        return o;
    }

    private static KeyValuePair<string, string> EnvironmentVariable(string value)
    {
        var equals = value.IndexOf('=');
        if (equals <= 0) throw new ArgumentException($"--server-env needs NAME=value: {value}");
        return new(value[..equals], value[(equals + 1)..]);
    }

    private static LoadOptions AddUrl(LoadOptions o, List<Uri> urls, string value)
    {
        var uri = new Uri(value);
        // Load goes to this machine only.
        if (!uri.IsLoopback) throw new ArgumentException($"--url must be a loopback address (127.0.0.1/localhost): {value}");
        urls.Add(uri);
        return o;
    }

    private void Validate()
    {
        if (!Scenarios.Contains(Scenario)) throw new ArgumentException($"--scenario must be one of {string.Join(", ", Scenarios)}");
        if (Connections is < 1 or > 20000) throw new ArgumentException("--connections must be 1-20000");
        if (RoomSize is < 1 or > 500) throw new ArgumentException("--room-size must be 1-500 (the largest room capacity)");
        if (Rate is <= 0 or > 1000) throw new ArgumentException("--rate must be in (0, 1000]");
        if (Payload is < 24 or > 4000) throw new ArgumentException("--payload must be 24-4000 bytes (the timestamp needs 24)");
        if (DurationSeconds is <= 0 or > 600 || WarmupSeconds is < 0 or > 120) throw new ArgumentException("--duration must be in (0, 600] and --warmup in [0, 120]");
        if (Protocol is not ("json" or "messagepack")) throw new ArgumentException("--protocol must be json or messagepack");
        if (Baselines.FirstOrDefault(b => !BaselineKinds.Contains(b)) is { } unknown)
            throw new ArgumentException($"--baseline {unknown}: must be one of {string.Join(", ", BaselineKinds)}");
        if (Baselines.Distinct().Count() != Baselines.Count) throw new ArgumentException("--baseline: each baseline once");
        if (Redis && Urls.Count > 0) throw new ArgumentException("--redis starts its own nodes; do not combine it with --url");
        if (NodesGiven && !Redis) throw new ArgumentException("--nodes needs --redis (without it there is one node with live state in memory)");
        if (Nodes is < 1 or > 4) throw new ArgumentException("--nodes must be 1-4");
        if (Repeat is < 1 or > 9) throw new ArgumentException("--repeat must be 1-9");
        if (RampPerSecond < 1 || ChurnPerSecond < 1) throw new ArgumentException("--ramp and --churn-rate must be positive");
    }
}
