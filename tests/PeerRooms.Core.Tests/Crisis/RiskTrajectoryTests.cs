using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Crisis;

namespace PeerRooms.Core.Tests.Crisis;

public class RiskTrajectoryTests
{
    private static readonly LexiconScanner Scanner = new(CrisisLexiconLoader.LoadDefaults());

    [Fact]
    public void Concern_then_a_means_mention_raises_to_high_and_a_time_to_imminent()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T20:00:00Z"));
        var t = RiskTrajectory.Empty(TimeSpan.FromMinutes(10));
        t = t.Add(Scanner.Scan("I feel so hopeless", "en"), time.GetUtcNow());
        Assert.Equal(CrisisSeverity.Concern, t.SeverityAt(time.GetUtcNow()));

        time.Advance(TimeSpan.FromMinutes(2));
        var pills = Scanner.Scan("I have a bottle of pills", "en");
        Assert.Equal(CrisisSeverity.None, pills.Severity); // alone, a means word is not an alarm
        t = t.Add(pills, time.GetUtcNow());
        Assert.Equal(CrisisSeverity.High, t.SeverityAt(time.GetUtcNow()));

        time.Advance(TimeSpan.FromMinutes(1));
        t = t.Add(Scanner.Scan("I'm going to do it", "en"), time.GetUtcNow());
        Assert.Equal(CrisisSeverity.Imminent, t.SeverityAt(time.GetUtcNow()));
    }

    [Fact]
    public void Three_distress_messages_in_the_window_are_high_and_old_ones_expire()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T20:00:00Z"));
        var t = RiskTrajectory.Empty(TimeSpan.FromMinutes(10));
        foreach (var text in new[] { "I feel worthless", "no way out", "I can't do this anymore" })
        {
            t = t.Add(Scanner.Scan(text, "en"), time.GetUtcNow());
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(CrisisSeverity.High, t.SeverityAt(time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(8)); // only the last message (9 minutes old) is left
        Assert.Equal(CrisisSeverity.Concern, t.SeverityAt(time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(5));
        t = t.Add(CrisisScanResult.None, time.GetUtcNow());
        Assert.Empty(t.Recent);
        Assert.Equal(CrisisSeverity.None, t.SeverityAt(time.GetUtcNow()));
    }

    [Fact]
    public void Benign_talk_never_builds_up()
    {
        var time = new FakeTimeProvider();
        var t = RiskTrajectory.Empty(TimeSpan.FromMinutes(10));
        foreach (var text in new[] { "see you tonight", "picked up my meds", "the bridge was closed", "so glad to be here" })
        {
            t = t.Add(Scanner.Scan(text, "en"), time.GetUtcNow());
            time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(CrisisSeverity.None, t.SeverityAt(time.GetUtcNow()));
    }

    [Fact]
    public void Many_risky_sounding_messages_keep_the_trajectory_small()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T20:00:00Z"));
        var t = RiskTrajectory.Empty(TimeSpan.FromMinutes(10));
        var tonight = Scanner.Scan("see you tonight", "en");
        for (var i = 0; i < 1000; i++)
        {
            t = t.Add(tonight, time.GetUtcNow());
            time.Advance(TimeSpan.FromMilliseconds(300));
        }

        Assert.True(t.Recent.Count <= RiskTrajectory.PersistentDistressCount, $"{t.Recent.Count} entries kept");
        Assert.Equal(CrisisSeverity.None, t.SeverityAt(time.GetUtcNow()));
        var hopeless = Scanner.Scan("I feel so hopeless", "en");
        var fresh = RiskTrajectory.Empty(TimeSpan.FromMinutes(10)).Add(tonight, time.GetUtcNow()).Add(hopeless, time.GetUtcNow());
        Assert.Equal(fresh.SeverityAt(time.GetUtcNow()), t.Add(hopeless, time.GetUtcNow()).SeverityAt(time.GetUtcNow()));
    }

    /// <summary>
    /// Compaction is exact: over random sequences of results and times, the trajectory evaluates (severity,
    /// added category, categories and signals in the window) exactly as a reference that keeps everything.
    /// </summary>
    [Fact]
    public void Compaction_never_changes_an_evaluation()
    {
        var window = TimeSpan.FromMinutes(10);
        var pool = new[]
        {
            CrisisScanResult.None,
            CrisisScanResult.SignalsOnly(CrisisSignals.Time),
            CrisisScanResult.SignalsOnly(CrisisSignals.Means),
            CrisisScanResult.SignalsOnly(CrisisSignals.Means | CrisisSignals.Time),
            new CrisisScanResult(CrisisSeverity.Concern, [CrisisCategory.Ideation], [], CrisisSignals.None),
            new CrisisScanResult(CrisisSeverity.Concern, [CrisisCategory.Ideation], [], CrisisSignals.Time),
            new CrisisScanResult(CrisisSeverity.High, [CrisisCategory.SelfHarm], [], CrisisSignals.None),
            new CrisisScanResult(CrisisSeverity.High, [CrisisCategory.SelfHarm, CrisisCategory.Ideation], [], CrisisSignals.Intent),
            new CrisisScanResult(CrisisSeverity.Imminent, [CrisisCategory.PlanIntent], [], CrisisSignals.Plan),
        };
        var rng = new Random(8675309);
        for (var run = 0; run < 200; run++)
        {
            var now = DateTimeOffset.Parse("2025-01-01T20:00:00Z");
            var t = RiskTrajectory.Empty(window);
            var all = new List<(DateTimeOffset At, CrisisScanResult Result)>();
            for (var step = 0; step < 60; step++)
            {
                now += TimeSpan.FromSeconds(rng.Next(0, 90));
                // Rarer the more severe, so windows hold many repeats of a few kinds.
                var result = pool[Math.Min(pool.Length - 1, (int)(rng.NextDouble() * rng.NextDouble() * pool.Length))];
                t = t.Add(result, now);
                if (result.Severity > CrisisSeverity.None || result.Signals != CrisisSignals.None) all.Add((now, result));
                foreach (var at in new[] { now, now + TimeSpan.FromSeconds(rng.Next(0, 700)) })
                {
                    var live = all.Where(r => at - r.At < window && r.At <= at).ToList();
                    var max = live.Select(r => r.Result.Severity).DefaultIfEmpty(CrisisSeverity.None).Max();
                    var signals = live.Aggregate(CrisisSignals.None, (s, r) => s | r.Result.Signals);
                    var expected = SeverityCombiner.Combine(max, signals, out var expectedAdded);
                    if (live.Count(r => r.Result.Severity >= CrisisSeverity.Concern) >= RiskTrajectory.PersistentDistressCount && expected < CrisisSeverity.High)
                    {
                        (expected, expectedAdded) = (CrisisSeverity.High, CrisisCategory.Ideation);
                    }

                    Assert.Equal((expected, expectedAdded), (t.Evaluate(at, out var added), added));
                    var keptLive = t.Recent.Where(r => at - r.At < window && r.At <= at).ToList();
                    Assert.Equal(live.SelectMany(r => r.Result.Categories).ToHashSet(), keptLive.SelectMany(r => r.Result.Categories).ToHashSet());
                    Assert.Equal(signals, keptLive.Aggregate(CrisisSignals.None, (s, r) => s | r.Result.Signals));
                }
            }
        }
    }
}
