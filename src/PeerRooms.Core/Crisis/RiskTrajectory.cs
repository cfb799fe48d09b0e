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

    /// <summary>Records <paramref name="result"/> scanned at <paramref name="at"/> and drops results older than the window.</summary>
    public RiskTrajectory Add(CrisisScanResult result, DateTimeOffset at)
    {
        var kept = _recent.Where(r => at - r.At < Window);
        if (result.Severity > CrisisSeverity.None || result.Signals != CrisisSignals.None)
        {
            kept = kept.Append((at, result));
        }

        return new RiskTrajectory(Window, [.. kept]);
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
