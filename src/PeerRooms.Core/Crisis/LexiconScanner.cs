using System.Buffers;

namespace PeerRooms.Core.Crisis;

/// <summary>
/// An immutable detector compiled from a set of lexicons: one normalisation pass, one Aho–Corasick
/// pass over all languages' terms and cues, then <see cref="ContextRules"/> and
/// <see cref="SeverityCombiner"/>. Thread-safe; a benign message allocates nothing (buffers are on
/// the stack or pooled, and the shared <see cref="CrisisScanResult.None"/> is returned).
/// </summary>
public sealed class LexiconScanner : ICrisisDetector
{
    private const int StackLimit = 512;
    private const int MinCompactLength = 7;

    private readonly AhoCorasickAutomaton _automaton;
    private readonly CompiledPattern[] _patterns;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _languageMasks;
    private readonly int _allLanguages;

    /// <summary>Compiles <paramref name="lexicons"/> (at most 31 languages).</summary>
    public LexiconScanner(IReadOnlyList<CrisisLexicon> lexicons)
    {
        if (lexicons.Count is 0 or > 31)
        {
            throw new ArgumentException("Between 1 and 31 lexicons are supported.", nameof(lexicons));
        }

        Lexicons = lexicons;
        var masks = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lexicons.Count; i++)
        {
            masks[lexicons[i].Language] = masks.GetValueOrDefault(lexicons[i].Language) | (1 << i);
            _allLanguages |= 1 << i;
        }

        _languageMasks = masks.GetAlternateLookup<ReadOnlySpan<char>>();
        _patterns = LexiconCompiler.Compile(lexicons, MinCompactLength);
        _automaton = new AhoCorasickAutomaton([.. _patterns.Select(p => p.Text)]);
    }

    /// <summary>The lexicons this snapshot was built from.</summary>
    public IReadOnlyList<CrisisLexicon> Lexicons { get; }

    /// <summary>Number of patterns (terms, space-free variants and cues) in the automaton.</summary>
    public int PatternCount => _patterns.Length;

    /// <inheritdoc />
    public CrisisScanResult Scan(string text, string? language = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return CrisisScanResult.None;
        }

        var mask = LanguageMask(language);
        var length = text.Length;
        char[]? rentedText = null;
        int[]? rentedMap = null;
        PatternHit[]? rentedHits = null;
        try
        {
            Span<char> normalized = length <= StackLimit ? stackalloc char[length] : (rentedText = ArrayPool<char>.Shared.Rent(length));
            Span<int> map = length <= StackLimit ? stackalloc int[length] : (rentedMap = ArrayPool<int>.Shared.Rent(length));
            var n = TextNormalizer.Normalize(text, normalized, map);
            var capacity = n + 32;
            Span<PatternHit> hits = capacity <= StackLimit ? stackalloc PatternHit[capacity] : (rentedHits = ArrayPool<PatternHit>.Shared.Rent(capacity));
            var count = FindHits(normalized[..n], mask, hits, out var anyCrisis);
            if (!anyCrisis)
            {
                return CrisisScanResult.None;
            }

            var used = hits[..count];
            ContextRules.Apply(used, _patterns);
            return ScanResultBuilder.Build(text, map[..n], n, used, _patterns);
        }
        finally
        {
            if (rentedText is not null) ArrayPool<char>.Shared.Return(rentedText);
            if (rentedMap is not null) ArrayPool<int>.Shared.Return(rentedMap);
            if (rentedHits is not null) ArrayPool<PatternHit>.Shared.Return(rentedHits);
        }
    }

    private int LanguageMask(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return _allLanguages;
        }

        var span = language.AsSpan().Trim();
        var cut = span.IndexOfAny('-', '_');
        var primary = cut >= 0 ? span[..cut] : span;
        return _languageMasks.TryGetValue(primary, out var mask) ? mask : _allLanguages;
    }

    private int FindHits(ReadOnlySpan<char> text, int mask, Span<PatternHit> hits, out bool anyCrisis)
    {
        anyCrisis = false;
        var count = 0;
        var state = 0;
        var token = 0;
        var clause = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == TextNormalizer.WordSeparator)
            {
                token++;
            }
            else if (c == TextNormalizer.ClauseSeparator)
            {
                token++;
                clause++;
            }

            state = _automaton.Next(state, c);
            foreach (var id in _automaton.Outputs(state))
            {
                var p = _patterns[id];
                if ((p.LanguageMask & mask) == 0)
                {
                    continue;
                }

                var start = i + 1 - p.Length;
                var end = i + 1;
                if ((p.LeftBoundary && start > 0 && char.IsLetterOrDigit(text[start - 1])) ||
                    (p.RightBoundary && end < text.Length && char.IsLetterOrDigit(text[end])))
                {
                    continue;
                }

                var isCrisis = p.Kind == PatternKind.Crisis;
                var slot = count < hits.Length ? count++ : isCrisis ? ReplaceableCue(hits) : -1;
                if (slot < 0)
                {
                    continue; // buffer full of crisis hits: later cues cannot matter more than they do
                }

                anyCrisis |= isCrisis;
                hits[slot] = new PatternHit
                {
                    PatternId = id, Start = start, End = end, TokenStart = token - p.SeparatorCount, TokenEnd = token, Clause = clause,
                };
            }
        }

        return count;
    }

    private int ReplaceableCue(Span<PatternHit> hits)
    {
        for (var k = hits.Length - 1; k >= 0; k--)
        {
            if (_patterns[hits[k].PatternId].Kind != PatternKind.Crisis)
            {
                return k;
            }
        }

        return -1;
    }
}
