namespace PeerRooms.LoadTests;

/// <summary>Combines repeated runs: the median of each figure (errors and skipped sends are summed).</summary>
public static class Medians
{
    public static ScenarioResult Of(IReadOnlyList<ScenarioResult> runs)
    {
        if (runs.Count == 1) return runs[0];
        return runs[0] with
        {
            DeliveredPerS = Median(runs, r => r.DeliveredPerS)!.Value,
            SentPerS = Median(runs, r => r.SentPerS)!.Value,
            DeliveryRatio = Median(runs, r => r.DeliveryRatio),
            P50Ms = Median(runs, r => r.P50Ms)!.Value,
            P90Ms = Median(runs, r => r.P90Ms)!.Value,
            P99Ms = Median(runs, r => r.P99Ms)!.Value,
            MaxMs = Median(runs, r => r.MaxMs)!.Value,
            ServerCpuUsPerDelivery = Median(runs, r => r.ServerCpuUsPerDelivery),
            ServerCpuPct = Median(runs, r => r.ServerCpuPct),
            ServerRssMb = Median(runs, r => r.ServerRssMb),
            ServerKbPerConnection = Median(runs, r => r.ServerKbPerConnection),
            ClientCpuPct = Median(runs, r => r.ClientCpuPct)!.Value,
            Errors = runs.Sum(r => r.Errors),
            SkippedSends = runs.Sum(r => r.SkippedSends),
            Runs = runs.Count,
        };
    }

    private static double? Median(IReadOnlyList<ScenarioResult> runs, Func<ScenarioResult, double?> figure)
    {
        var values = runs.Select(figure).Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        if (values.Length == 0) return null;
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }
}
