using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PeerRooms.LoadTests;

/// <summary>One target's figures. Serialised with snake_case names into the RESULT line.</summary>
public sealed record ScenarioResult
{
    public required string Target { get; init; }
    public required string Scenario { get; init; }
    public required string Protocol { get; init; }
    public int Connections { get; init; }
    public int Nodes { get; init; }
    public int RoomSize { get; init; }
    public double Rate { get; init; }
    public int Payload { get; init; }
    public double DurationS { get; init; }
    /// <summary>Messages (churn: join/leave operations) that arrived per second, counting only those sent in the measured window.</summary>
    public double DeliveredPerS { get; init; }
    public double SentPerS { get; init; }
    /// <summary>Deliveries received over deliveries expected (sent in window x room size); 1 when nothing was lost.</summary>
    public double? DeliveryRatio { get; init; }
    public double P50Ms { get; init; }
    public double P90Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public double? ServerCpuUsPerDelivery { get; init; }
    public double? ServerCpuPct { get; init; }
    public double? ServerRssMb { get; init; }
    /// <summary>Idle scenario: resident memory added per connection (kB).</summary>
    public double? ServerKbPerConnection { get; init; }
    public double ClientCpuPct { get; init; }
    public long Errors { get; init; }
    /// <summary>Sends skipped because the connection's previous send was still unacknowledged (the server fell behind).</summary>
    public long SkippedSends { get; init; }
    /// <summary>Runs combined into these figures (medians when more than one).</summary>
    public int Runs { get; init; } = 1;
    public string? Note { get; init; }

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>
/// The RESULT line: PeerRooms' figures at the top level; the first baseline nested as <c>baseline</c> with
/// the <c>*_ratio_vs_baseline</c> ratios (as before several baselines existed); every baseline under
/// <c>baselines</c> by kind, with <c>p99_ratio_vs</c>/<c>cpu_ratio_vs</c>/<c>ratio_vs</c> per kind.
/// </summary>
public sealed record RunReport
{
    [JsonPropertyName("result")] public required ScenarioResult Ours { get; init; }
    public IReadOnlyDictionary<string, ScenarioResult> Baselines { get; init; } = new Dictionary<string, ScenarioResult>();

    public string ToJson()
    {
        var node = JsonSerializer.SerializeToNode(Ours, ScenarioResult.Json)!.AsObject();
        var first = Baselines.Count > 0 ? Baselines.First().Value : null;
        node["baseline"] = first is null ? null : JsonSerializer.SerializeToNode(first, ScenarioResult.Json);
        node["ratio_vs_baseline"] = Ratio(Ours.DeliveredPerS, first?.DeliveredPerS);
        node["p99_ratio_vs_baseline"] = Ratio(Ours.P99Ms, first?.P99Ms);
        node["cpu_ratio_vs_baseline"] = Ratio(Ours.ServerCpuUsPerDelivery, first?.ServerCpuUsPerDelivery);
        node["memory_ratio_vs_baseline"] = Ratio(Ours.ServerKbPerConnection, first?.ServerKbPerConnection);
        node["baselines"] = JsonSerializer.SerializeToNode(Baselines, ScenarioResult.Json);
        node["ratio_vs"] = PerBaseline(b => Ratio(Ours.DeliveredPerS, b.DeliveredPerS));
        node["p99_ratio_vs"] = PerBaseline(b => Ratio(Ours.P99Ms, b.P99Ms));
        node["cpu_ratio_vs"] = PerBaseline(b => Ratio(Ours.ServerCpuUsPerDelivery, b.ServerCpuUsPerDelivery));
        return node.ToJsonString();
    }

    private JsonNode? PerBaseline(Func<ScenarioResult, double?> ratio)
        => JsonSerializer.SerializeToNode(Baselines.ToDictionary(b => b.Key, b => ratio(b.Value)), ScenarioResult.Json);

    private static double? Ratio(double? ours, double? baseline) =>
        ours is { } o && baseline is { } b && b > 0 ? Math.Round(o / b, 3) : null;
}
