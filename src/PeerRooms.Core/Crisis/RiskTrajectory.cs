namespace PeerRooms.Core.Crisis;

/// <summary>
/// A participant's recent risk, combined across messages: escalating signals spread over several
/// messages ("I can't go on" … "I have the pills" … "tonight") are as serious as one message saying
/// all of it. Immutable and pure: <see cref="Add"/> returns a new trajectory; times are passed in
/// (from the caller's TimeProvider), so it is trivially testable and safe to keep in any store.
/// </summary>
/// <remarks>
/// The rule, over the scan results younger than <see cref="Window"/>:
/// <list type="number">
/// <item>take the highest single-message severity and the union of all signals, and apply
/// <see cref="SeverityCombiner.Combine"/> (so concern, then a later means mention → high; high, then
/// "tonight" → imminent);</item>
/// <item>three or more messages at concern or above within the window → at least high (persistent
/// distress is itself a signal).</item>
/// </list>
/// Results with neither severity nor signals are not kept.
/// </remarks>
public sealed class RiskTrajectory
{
    /// <summary>Distress messages that, within the window, raise the trajectory to high.</summary>
    public const int PersistentDistressCount = 3;

    private readonly (DateTimeOffset At, CrisisScanResult Result)[] _recent;

    private RiskTrajectory(TimeSpan window, (DateTimeOffset, CrisisScanResult)[] recent)
    {
        Window = window;
        _recent = recent;
    }

    /// <summary>An empty trajectory. The usual window is 10 minutes.</summary>
    public static RiskTrajectory Empty(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return new RiskTrajectory(window, []);
    }

    public TimeSpan Window { get; }

    /// <summary>The kept results, oldest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, CrisisScanResult Result)> Recent => _recent;

    /// <summary>
    /// Records <paramref name="result"/> scanned at <paramref name="at"/> and drops results older than the
    /// window, and results that can no longer change any evaluation (see <see cref="Compact"/>), so a
    /// trajectory stays a handful of entries however many risky-sounding messages ("tonight"...) a
    /// participant sends within the window.
    /// </summary>
    public RiskTrajectory Add(CrisisScanResult result, DateTimeOffset at)
    {
        var kept = new List<(DateTimeOffset At, CrisisScanResult Result)>(_recent.Length + 1);
        foreach (var r in _recent)
        {
            if (at - r.At < Window) kept.Add(r);
        }

        if (result.Severity > CrisisSeverity.None || result.Signals != CrisisSignals.None)
        {
            kept.Add((at, result));
        }

        return new RiskTrajectory(Window, Compact(kept));
    }

    /// <summary>
    /// Keeps, per kind of result (same severity, signals and categories), only the newest
    /// <see cref="PersistentDistressCount"/>. Exact, not an approximation: whenever an older result of a
    /// kind is still inside the window, its newer copies are too (they are at least as recent), so the
    /// highest severity, the union of signals and categories, and "three or more at concern" all come
    /// out the same without it.
    /// </summary>
    private static (DateTimeOffset, CrisisScanResult)[] Compact(List<(DateTimeOffset At, CrisisScanResult Result)> entries)
    {
        if (entries.Count <= PersistentDistressCount)
        {
            return [.. entries];
        }

        // Newest first, counting copies of each kind; then back to oldest first.
        var keep = new bool[entries.Count];
        var kept = 0;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var copies = 0;
            for (var j = i + 1; j < entries.Count && copies < PersistentDistressCount; j++)
            {
                if (keep[j] && SameKind(entries[i].Result, entries[j].Result)) copies++;
            }

            keep[i] = copies < PersistentDistressCount;
            kept += keep[i] ? 1 : 0;
        }

        var compacted = new (DateTimeOffset, CrisisScanResult)[kept];
        for (int i = 0, k = 0; i < entries.Count; i++)
        {
            if (keep[i]) compacted[k++] = entries[i];
        }

        return compacted;
    }

    private static bool SameKind(CrisisScanResult a, CrisisScanResult b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Severity != b.Severity || a.Signals != b.Signals || a.Categories.Count != b.Categories.Count) return false;
        foreach (var c in a.Categories)
        {
            if (!b.Categories.Contains(c)) return false;
        }

        return true;
    }

    /// <summary>The combined severity as of <paramref name="now"/> (results older than the window are ignored).</summary>
    public CrisisSeverity SeverityAt(DateTimeOffset now) => Evaluate(now, out _);

    /// <summary>The combined severity as of <paramref name="now"/> and the category the combination stands for, if any.</summary>
    public CrisisSeverity Evaluate(DateTimeOffset now, out CrisisCategory? addedCategory)
    {
        var max = CrisisSeverity.None;
        var signals = CrisisSignals.None;
        var distress = 0;
        foreach (var (at, result) in _recent)
        {
            if (now - at >= Window || at > now)
            {
                continue;
            }

            max = result.Severity > max ? result.Severity : max;
            signals |= result.Signals;
            distress += result.Severity >= CrisisSeverity.Concern ? 1 : 0;
        }

        var combined = SeverityCombiner.Combine(max, signals, out addedCategory);
        if (distress >= PersistentDistressCount && combined < CrisisSeverity.High)
        {
            addedCategory = CrisisCategory.Ideation;
            combined = CrisisSeverity.High;
        }

        return combined;
    }
}
