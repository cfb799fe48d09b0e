namespace PeerRooms.Core.Crisis;

/// <summary>
/// The vocabulary of one language: crisis entries and context cues. Immutable; overlays produce a
/// new instance (<see cref="Overlay"/>).
/// </summary>
public sealed class CrisisLexicon
{
    public CrisisLexicon(string language, IReadOnlyList<LexiconEntry> entries, LexiconContextCues cues)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        Language = language.Trim().ToLowerInvariant();
        Entries = entries;
        Cues = cues;
    }

    /// <summary>Primary language subtag, lower case ("en", "es", "ar").</summary>
    public string Language { get; }

    public IReadOnlyList<LexiconEntry> Entries { get; }

    public LexiconContextCues Cues { get; }

    /// <summary>
    /// This lexicon with <paramref name="overlay"/> applied: an overlay entry replaces a default entry
    /// whose term normalises to the same text (so an organisation can re-grade or, with severity
    /// <c>none</c> and no signals, switch off a term); other entries are added; cue lists are united.
    /// </summary>
    public CrisisLexicon Overlay(CrisisLexicon overlay)
    {
        if (!string.Equals(overlay.Language, Language, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot overlay '{overlay.Language}' on '{Language}'.", nameof(overlay));
        }

        var replaced = overlay.Entries.Select(e => TextNormalizer.Normalize(e.Term)).ToHashSet(StringComparer.Ordinal);
        var entries = Entries.Where(e => !replaced.Contains(TextNormalizer.Normalize(e.Term))).Concat(overlay.Entries).ToArray();
        return new CrisisLexicon(Language, entries, Cues.Union(overlay.Cues));
    }
}
