namespace PeerRooms.Core.Crisis;

/// <summary>
/// Decides whether a crisis match is about the speaker, now, and meant. The rules are generic and
/// windowed; the words they react to come from each lexicon's <see cref="LexiconContextCues"/>.
/// Windows never cross a clause separator (., , ; ! ? and their Arabic forms), so "I don't care,
/// I want to die" is not negated.
/// </summary>
/// <remarks>
/// A crisis match is suppressed when any of these holds:
/// <list type="bullet">
/// <item><b>figurative</b>: a figurative idiom overlaps it ("this traffic is killing me", "me muero de risa");</item>
/// <item><b>negated</b>: a negation cue ends at most <see cref="NegationWindow"/> tokens before it, with
/// no negation breaker in between, and the cue is not itself part of another crisis match
/// (so "don't want to live" keeps its own "don't");</item>
/// <item><b>third party</b>: a third-party cue ends at most <see cref="ThirdPartyWindow"/> tokens before it,
/// no first-person word lies in between, and the match itself contains no first-person word
/// ("my friend overdosed" is suppressed; "my friend told me to kill myself" is not);</item>
/// <item><b>past and recovered</b>: a past cue lies within <see cref="PastWindowBefore"/> tokens before or
/// <see cref="PastWindowAfter"/> after it in the same clause and no relapse cue ("again") is in that clause.</item>
/// </list>
/// Suppressing is the risky direction, so windows are short and each rule needs an explicit cue.
/// </remarks>
internal static class ContextRules
{
    public const int NegationWindow = 4;
    public const int ThirdPartyWindow = 4;
    public const int PastWindowBefore = 5;
    public const int PastWindowAfter = 6;

    /// <summary>Marks suppressed crisis hits in place.</summary>
    public static void Apply(Span<PatternHit> hits, CompiledPattern[] patterns)
    {
        for (var i = 0; i < hits.Length; i++)
        {
            if (patterns[hits[i].PatternId].Kind == PatternKind.Crisis)
            {
                hits[i].Suppressed = IsSuppressed(hits, i, patterns);
            }
        }
    }

    private static bool IsSuppressed(ReadOnlySpan<PatternHit> hits, int index, CompiledPattern[] patterns)
    {
        var m = hits[index];
        var self = patterns[m.PatternId].SelfReferential;
        for (var j = 0; j < hits.Length; j++)
        {
            var cue = hits[j];
            if (j == index || cue.Clause != m.Clause)
            {
                continue;
            }

            switch (patterns[cue.PatternId].Kind)
            {
                case PatternKind.Figurative when cue.Start < m.End && m.Start < cue.End:
                    return true;
                case PatternKind.Negation when Before(cue, m, NegationWindow)
                                               && !Between(hits, patterns, PatternKind.NegationBreaker, cue.End, m.Start)
                                               && !InsideOtherCrisisMatch(hits, patterns, j, index):
                    return true;
                case PatternKind.ThirdParty when !self && Before(cue, m, ThirdPartyWindow)
                                                 && !Between(hits, patterns, PatternKind.FirstPerson, cue.End, m.Start):
                    return true;
                case PatternKind.Past when Near(cue, m) && !InClause(hits, patterns, PatternKind.Relapse, m.Clause):
                    return true;
            }
        }

        return false;
    }

    private static bool Before(PatternHit cue, PatternHit m, int window) =>
        cue.End <= m.Start && m.TokenStart - cue.TokenEnd <= window;

    private static bool Near(PatternHit cue, PatternHit m) =>
        (cue.End <= m.Start && m.TokenStart - cue.TokenEnd <= PastWindowBefore) ||
        (cue.Start >= m.End && cue.TokenStart - m.TokenEnd <= PastWindowAfter);

    private static bool Between(ReadOnlySpan<PatternHit> hits, CompiledPattern[] patterns, PatternKind kind, int from, int to)
    {
        foreach (var h in hits)
        {
            if (patterns[h.PatternId].Kind == kind && h.Start >= from && h.End <= to)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InClause(ReadOnlySpan<PatternHit> hits, CompiledPattern[] patterns, PatternKind kind, int clause)
    {
        foreach (var h in hits)
        {
            if (patterns[h.PatternId].Kind == kind && h.Clause == clause)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideOtherCrisisMatch(ReadOnlySpan<PatternHit> hits, CompiledPattern[] patterns, int cueIndex, int matchIndex)
    {
        var cue = hits[cueIndex];
        for (var k = 0; k < hits.Length; k++)
        {
            var other = hits[k];
            if (k != matchIndex && patterns[other.PatternId].Kind == PatternKind.Crisis
                && other.Start <= cue.Start && cue.End <= other.End)
            {
                return true;
            }
        }

        return false;
    }
}
