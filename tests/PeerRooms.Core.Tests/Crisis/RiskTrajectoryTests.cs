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
}
