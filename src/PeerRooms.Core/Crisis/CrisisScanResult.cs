namespace PeerRooms.Core.Crisis;

/// <summary>
/// The outcome of scanning one message. Immutable. A message with nothing of note returns the
/// shared <see cref="None"/> instance, so the common benign case allocates nothing.
/// </summary>
public sealed class CrisisScanResult
{
    /// <summary>The result for a message with no risk signal at all.</summary>
    public static CrisisScanResult None { get; } = new(CrisisSeverity.None, [], [], CrisisSignals.None);

    private static readonly CrisisScanResult[] SignalOnly =
        [.. Enumerable.Range(0, 64).Select(s => s == 0 ? None : new CrisisScanResult(CrisisSeverity.None, [], [], (CrisisSignals)s))];

    /// <summary>
    /// A shared severity-none result that still carries <paramref name="signals"/> ("pills",
    /// "tonight"), so <see cref="RiskTrajectory"/> can combine them with a participant's other
    /// messages. Cached per combination: no allocation.
    /// </summary>
    public static CrisisScanResult SignalsOnly(CrisisSignals signals) =>
        (int)signals is >= 0 and < 64 ? SignalOnly[(int)signals] : new CrisisScanResult(CrisisSeverity.None, [], [], signals);

    public CrisisScanResult(
        CrisisSeverity severity,
        IReadOnlyList<CrisisCategory> categories,
        IReadOnlyList<CrisisMatch> matches,
        CrisisSignals signals)
    {
        Severity = severity;
        Categories = categories;
        Matches = matches;
        Signals = signals;
    }

    /// <summary>The overall severity after context rules and signal combination.</summary>
    public CrisisSeverity Severity { get; }

    /// <summary>Distinct categories of the matches that count, most severe first.</summary>
    public IReadOnlyList<CrisisCategory> Categories { get; }

    /// <summary>The matches that survived the context rules, in text order.</summary>
    public IReadOnlyList<CrisisMatch> Matches { get; }

    /// <summary>The union of the signals of surviving matches; <see cref="RiskTrajectory"/> uses it.</summary>
    public CrisisSignals Signals { get; }

    public override string ToString() =>
        $"{Severity.ToWireName()} [{string.Join(",", Categories.Select(c => c.ToWireName()))}]";
}
