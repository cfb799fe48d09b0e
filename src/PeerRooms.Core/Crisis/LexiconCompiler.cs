namespace PeerRooms.Core.Crisis;

/// <summary>
/// Turns lexicons into the automaton's pattern table: normalises every term and cue exactly as
/// messages are normalised, adds a space-free form of long multi-word terms (so spaced-out letters
/// "k i l l m y s e l f" and hashtags "#killmyself" match), merges identical cues across languages,
/// and works out word-boundary and first-person flags.
/// </summary>
internal static class LexiconCompiler
{
    public static CompiledPattern[] Compile(IReadOnlyList<CrisisLexicon> lexicons, int minCompactLength)
    {
        var patterns = new List<CompiledPattern>();
        var cueIndex = new Dictionary<(string, PatternKind), int>();
        for (var li = 0; li < lexicons.Count; li++)
        {
            var lexicon = lexicons[li];
            var mask = 1 << li;
            var firstPerson = FirstPersonTest(lexicon.Cues.FirstPerson);
            foreach (var entry in lexicon.Entries)
            {
                var (text, left, right) = Prepare(entry.Term);
                if (text.Length == 0)
                {
                    continue;
                }

                var self = text.Split(TextNormalizer.WordSeparator).Any(firstPerson);
                patterns.Add(new CompiledPattern(text, PatternKind.Crisis, entry, mask, left, right, self));
                var compact = TextNormalizer.Normalize(text.Replace(" ", string.Empty, StringComparison.Ordinal));
                if (compact.Length >= minCompactLength && compact != text)
                {
                    patterns.Add(new CompiledPattern(compact, PatternKind.Crisis, entry, mask, left, right, self));
                }
            }

            AddCues(lexicon.Cues.Negations, PatternKind.Negation);
            AddCues(lexicon.Cues.NegationBreakers, PatternKind.NegationBreaker);
            AddCues(lexicon.Cues.Figurative, PatternKind.Figurative);
            AddCues(lexicon.Cues.ThirdParty, PatternKind.ThirdParty);
            AddCues(lexicon.Cues.FirstPerson, PatternKind.FirstPerson);
            AddCues(lexicon.Cues.Past, PatternKind.Past);
            AddCues(lexicon.Cues.Relapse, PatternKind.Relapse);

            void AddCues(IReadOnlyList<string> cues, PatternKind kind)
            {
                foreach (var cue in cues)
                {
                    var (text, left, right) = Prepare(cue);
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    if (cueIndex.TryGetValue((text, kind), out var existing))
                    {
                        patterns[existing] = patterns[existing] with { LanguageMask = patterns[existing].LanguageMask | mask };
                        continue;
                    }

                    cueIndex[(text, kind)] = patterns.Count;
                    patterns.Add(new CompiledPattern(text, kind, null, mask, left, right, false));
                }
            }
        }

        return [.. patterns];
    }

    /// <summary>
    /// A test for "this word is first person": a listed word, or for a cue written "*suffix" any
    /// word ending in that suffix (Arabic marks "me" with the suffix ـني: يضربني "hits me").
    /// </summary>
    private static Func<string, bool> FirstPersonTest(IReadOnlyList<string> cues)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var suffixes = new List<string>();
        foreach (var cue in cues)
        {
            var text = TextNormalizer.Normalize(cue.Trim());
            if (text.Length == 0) continue;
            if (cue.Trim().StartsWith('*')) suffixes.Add(text); else words.Add(text);
        }

        return word => words.Contains(word) || suffixes.Exists(s => word.Length > s.Length && word.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>Normalised text and whether each edge needs a word boundary (no "*" there and a word character).</summary>
    private static (string Text, bool Left, bool Right) Prepare(string term)
    {
        var trimmed = term.Trim();
        var text = TextNormalizer.Normalize(trimmed);
        if (text.Length == 0)
        {
            return (text, false, false);
        }

        var left = !trimmed.StartsWith('*') && char.IsLetterOrDigit(text[0]);
        var right = !trimmed.EndsWith('*') && char.IsLetterOrDigit(text[^1]);
        return (text, left, right);
    }
}
