namespace PeerRooms.Core.Crisis;

/// <summary>
/// Per-language phrase lists that drive the context rules (see <see cref="ContextRules"/>). Data,
/// not code, so a language or an organisation can tune them without a release.
/// </summary>
/// <param name="Negations">Cues that negate a following match within the negation window ("not", "never", "no", "لا").</param>
/// <param name="NegationBreakers">Cues that end a negation's reach ("but", "pero", "لكن").</param>
/// <param name="Figurative">Idioms that make an overlapping match figurative ("is killing me", "me muero de risa").</param>
/// <param name="ThirdParty">Cues that the match is about someone else ("my friend", "mi tío", "صديقي").</param>
/// <param name="FirstPerson">First-person words; a match containing one is always about the speaker, and one between a third-party cue and a match hands the sentence back to the speaker.</param>
/// <param name="Past">Cues of past, recovered talk ("used to", "years ago", "clean for", "hace años").</param>
/// <param name="Relapse">Cues that the past is back ("again", "de nuevo", "من جديد"); they cancel <paramref name="Past"/>.</param>
public sealed record LexiconContextCues(
    IReadOnlyList<string> Negations,
    IReadOnlyList<string> NegationBreakers,
    IReadOnlyList<string> Figurative,
    IReadOnlyList<string> ThirdParty,
    IReadOnlyList<string> FirstPerson,
    IReadOnlyList<string> Past,
    IReadOnlyList<string> Relapse)
{
    /// <summary>No cues at all.</summary>
    public static LexiconContextCues Empty { get; } = new([], [], [], [], [], [], []);

    /// <summary>The union of both cue sets, duplicates removed.</summary>
    public LexiconContextCues Union(LexiconContextCues other) => new(
        Merge(Negations, other.Negations),
        Merge(NegationBreakers, other.NegationBreakers),
        Merge(Figurative, other.Figurative),
        Merge(ThirdParty, other.ThirdParty),
        Merge(FirstPerson, other.FirstPerson),
        Merge(Past, other.Past),
        Merge(Relapse, other.Relapse));

    private static string[] Merge(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        [.. a.Concat(b).Distinct(StringComparer.Ordinal)];
}
