namespace PeerRooms.Core.Crisis;

/// <summary>
/// Puts text into the canonical form the lexicon automaton matches against, and records for every
/// output character the index of the ORIGINAL character it came from, so matches can be reported
/// in the caller's offsets. Lexicon terms go through the same function, so whatever the
/// normaliser does to a message it also does to the terms (e.g. repeated letters collapse in both:
/// "kill" and "killllll" both become "kil").
/// </summary>
/// <remarks>
/// Steps, in order, with no allocation:
/// <list type="number">
/// <item>per character (<see cref="CharFoldTable"/>): case and fullwidth folding, Latin diacritics,
/// Arabic tashkeel and tatweel removed, alef variants → ا, ى/ئ → ي, ة → ه, ؤ → و, Arabic-Indic and
/// Persian digits → ASCII, zero-width characters, soft hyphens, variation selectors and apostrophes
/// dropped, punctuation → word or clause separator;</item>
/// <item>leetspeak inside words: 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s when the character follows a Latin
/// letter or starts a run of at least three Latin letters ("d1e", "$uicide", but not "4am", "2 years");</item>
/// <item>runs of three or more single letters separated by single spaces are joined
/// ("k i l l" → "kill"); the automaton also holds space-free forms of multi-word terms;</item>
/// <item>runs of one repeated letter collapse to one letter ("sooooo" → "so", "diiie" → "die").</item>
/// </list>
/// The output has single separators, none at either end, and is never longer than the input.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>The word separator in normalised text.</summary>
    public const char WordSeparator = CharFoldTable.Space;

    /// <summary>The clause separator in normalised text; context rules never look across it.</summary>
    public const char ClauseSeparator = CharFoldTable.Clause;

    /// <summary>
    /// Normalises <paramref name="input"/> into <paramref name="output"/> and fills
    /// <paramref name="sourceIndex"/> with the original index of each output character. Both spans
    /// must be at least <c>input.Length</c> long. Returns the output length.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> input, Span<char> output, Span<int> sourceIndex)
    {
        if (output.Length < input.Length || sourceIndex.Length < input.Length)
        {
            throw new ArgumentException("Output buffers must be at least as long as the input.");
        }

        var length = FoldCharacters(input, output, sourceIndex);
        return JoinAndCollapse(output[..length], sourceIndex);
    }

    /// <summary>Convenience form for building lexicons and for tests; allocates.</summary>
    public static string Normalize(string input)
    {
        var output = new char[input.Length];
        var map = new int[input.Length];
        var length = Normalize(input, output, map);
        return new string(output, 0, length);
    }

    /// <summary>
    /// The exclusive end, in the original text, of a match that ends before normalised index
    /// <paramref name="normalizedEnd"/>: it runs up to the next kept character, less any trailing
    /// separators, so collapsed letters ("killlll") are covered in full.
    /// </summary>
    public static int SourceEnd(ReadOnlySpan<char> input, ReadOnlySpan<int> sourceIndex, int normalizedLength, int normalizedEnd)
    {
        var end = normalizedEnd < normalizedLength ? sourceIndex[normalizedEnd] : input.Length;
        var floor = sourceIndex[normalizedEnd - 1] + 1;
        while (end > floor)
        {
            var folded = CharFoldTable.Fold(input[end - 1]);
            if (folded is not (CharFoldTable.Space or CharFoldTable.Clause or CharFoldTable.Drop))
            {
                break;
            }

            end--;
        }

        return end;
    }

    private static int FoldCharacters(ReadOnlySpan<char> input, Span<char> output, Span<int> map)
    {
        var n = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            var leet = LeetLetter(c);
            var folded = leet != '\0' && IsLeetContext(input, i, output, n) ? leet : CharFoldTable.Fold(c);
            switch (folded)
            {
                case CharFoldTable.Drop:
                    continue;
                case CharFoldTable.Space:
                    if (n > 0 && output[n - 1] is not (CharFoldTable.Space or CharFoldTable.Clause))
                    {
                        output[n] = CharFoldTable.Space;
                        map[n++] = i;
                    }

                    continue;
                case CharFoldTable.Clause:
                    if (n > 0 && output[n - 1] == CharFoldTable.Space)
                    {
                        output[n - 1] = CharFoldTable.Clause;
                    }
                    else if (n > 0 && output[n - 1] != CharFoldTable.Clause)
                    {
                        output[n] = CharFoldTable.Clause;
                        map[n++] = i;
                    }

                    continue;
                default:
                    output[n] = folded;
                    map[n++] = i;
                    continue;
            }
        }

        while (n > 0 && output[n - 1] is CharFoldTable.Space or CharFoldTable.Clause)
        {
            n--;
        }

        return n;
    }

    private static int JoinAndCollapse(Span<char> text, Span<int> map)
    {
        var n = text.Length;
        var w = 0;
        var r = 0;
        var previousRead = CharFoldTable.Space; // the pass-1 character before r (text[r-1] may be overwritten)
        while (r < n)
        {
            var c = text[r];
            var run = IsSeparator(previousRead) ? SpacedLetterRun(text, r) : 0;
            if (run >= 3)
            {
                for (var k = 0; k < run; k++)
                {
                    Emit(text, map, ref w, text[r + 2 * k], map[r + 2 * k]);
                }

                r += 2 * run - 1;
                previousRead = text[r - 1];
                continue;
            }

            Emit(text, map, ref w, c, map[r]);
            previousRead = c;
            r++;
        }

        return w;
    }

    private static void Emit(Span<char> text, Span<int> map, ref int w, char c, int source)
    {
        if (w > 0 && text[w - 1] == c && char.IsLetter(c))
        {
            return; // repeated letter: keep the first, SourceEnd covers the rest
        }

        text[w] = c;
        map[w++] = source;
    }

    /// <summary>How many single-letter tokens, joined by single spaces, start at <paramref name="start"/>.</summary>
    private static int SpacedLetterRun(ReadOnlySpan<char> text, int start)
    {
        var count = 0;
        var j = start;
        while (j < text.Length && char.IsLetter(text[j]) && (j + 1 == text.Length || IsSeparator(text[j + 1])))
        {
            count++;
            if (j + 1 == text.Length || text[j + 1] != CharFoldTable.Space)
            {
                break;
            }

            j += 2;
        }

        return count;
    }

    private static bool IsSeparator(char c) => c is CharFoldTable.Space or CharFoldTable.Clause;

    private static char LeetLetter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => '\0',
    };

    private static bool IsLeetContext(ReadOnlySpan<char> input, int i, ReadOnlySpan<char> output, int n)
    {
        if (n > 0 && output[n - 1] is >= 'a' and <= 'z')
        {
            return true;
        }

        var letters = 0;
        for (var j = i + 1; j < input.Length && letters < 3; j++)
        {
            if (CharFoldTable.Fold(input[j]) is < 'a' or > 'z')
            {
                break;
            }

            letters++;
        }

        return letters >= 3;
    }
}
