namespace PeerRooms.Core.Crisis;

/// <summary>
/// Builds a <see cref="CrisisScanResult"/> from the hits that survived the context rules. Only runs
/// when at least one crisis term was found, so its allocations are off the common path.
/// </summary>
internal static class ScanResultBuilder
{
    public static CrisisScanResult Build(
        string original, ReadOnlySpan<int> map, int normalizedLength, ReadOnlySpan<PatternHit> hits, CompiledPattern[] patterns)
    {
        var max = CrisisSeverity.None;
        var signals = CrisisSignals.None;
        foreach (var hit in hits)
        {
            var entry = patterns[hit.PatternId].Entry;
            if (entry is null || hit.Suppressed)
            {
                continue;
            }

            max = entry.Severity > max ? entry.Severity : max;
            signals |= entry.Signals;
        }

        var severity = SeverityCombiner.Combine(max, signals, out var added);
        if (severity == CrisisSeverity.None)
        {
            return CrisisScanResult.SignalsOnly(signals);
        }

        var matches = new List<CrisisMatch>();
        var categorySeverity = new Dictionary<CrisisCategory, CrisisSeverity>();
        foreach (var hit in hits)
        {
            var entry = patterns[hit.PatternId].Entry;
            if (entry is null || hit.Suppressed || (entry.Severity == CrisisSeverity.None && entry.Signals == CrisisSignals.None))
            {
                continue;
            }

            var start = map[hit.Start];
            var end = TextNormalizer.SourceEnd(original, map, normalizedLength, hit.End);
            var match = new CrisisMatch(entry.Term, entry.Category, entry.Severity, start, end - start, entry.Signals);
            if (!matches.Contains(match))
            {
                matches.Add(match);
            }

            if (entry.Severity > CrisisSeverity.None)
            {
                categorySeverity[entry.Category] = entry.Severity > categorySeverity.GetValueOrDefault(entry.Category)
                    ? entry.Severity
                    : categorySeverity.GetValueOrDefault(entry.Category);
            }
        }

        if (added is { } addedCategory)
        {
            categorySeverity[addedCategory] = severity;
        }

        var categories = categorySeverity
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key)
            .Select(kv => kv.Key)
            .ToArray();
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return new CrisisScanResult(severity, categories, matches, signals);
    }
}
