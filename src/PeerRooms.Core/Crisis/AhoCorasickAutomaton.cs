namespace PeerRooms.Core.Crisis;

/// <summary>
/// A multi-pattern matcher (Aho–Corasick) compiled to a dense DFA: scanning costs one table read
/// per character whatever the number of patterns, and allocates nothing. Immutable once built, so
/// one instance is shared by every thread. Word boundaries are not its concern: it reports every
/// occurrence and the caller filters (see <see cref="LexiconScanner"/>).
/// </summary>
/// <remarks>
/// Characters are first mapped to a compact alphabet (every character that occurs in some pattern
/// gets a class; all others share class 0, which always leads back towards the root), then
/// <c>next = transitions[state * alphabetSize + class]</c>. Outputs of a state include those of its
/// failure chain, flattened at build time.
/// </remarks>
internal sealed class AhoCorasickAutomaton
{
    private readonly ushort[] _classOf;
    private readonly int _alphabetSize;
    private readonly int[] _transitions;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;

    /// <summary>Compiles <paramref name="patterns"/>; pattern ids are their indexes. Empty patterns are ignored.</summary>
    public AhoCorasickAutomaton(IReadOnlyList<string> patterns)
    {
        _classOf = new ushort[char.MaxValue + 1];
        var alphabet = 1;
        foreach (var pattern in patterns)
        {
            foreach (var c in pattern)
            {
                if (_classOf[c] == 0)
                {
                    if (alphabet == ushort.MaxValue)
                    {
                        throw new InvalidOperationException("Lexicon alphabet is too large.");
                    }

                    _classOf[c] = (ushort)alphabet++;
                }
            }
        }

        _alphabetSize = alphabet;

        // 1. Trie.
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>> { new() };
        for (var id = 0; id < patterns.Count; id++)
        {
            if (patterns[id].Length == 0)
            {
                continue;
            }

            var state = 0;
            foreach (var c in patterns[id])
            {
                var cls = _classOf[c];
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children.Add(new Dictionary<int, int>());
                    own.Add(new List<int>());
                    children[state][cls] = next;
                }

                state = next;
            }

            own[state].Add(id);
        }

        // 2. Failure links and the full transition table, breadth first.
        var stateCount = children.Count;
        _transitions = new int[stateCount * _alphabetSize];
        var fail = new int[stateCount];
        var order = new List<int>(stateCount);
        var queue = new Queue<int>();
        foreach (var (cls, child) in children[0])
        {
            _transitions[cls] = child;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            order.Add(state);
            var row = state * _alphabetSize;
            var failRow = fail[state] * _alphabetSize;
            for (var cls = 0; cls < _alphabetSize; cls++)
            {
                if (children[state].TryGetValue(cls, out var child))
                {
                    fail[child] = _transitions[failRow + cls];
                    _transitions[row + cls] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    _transitions[row + cls] = _transitions[failRow + cls];
                }
            }
        }

        // 3. Outputs: own patterns plus those of the failure chain (already final, BFS order).
        var all = new List<int>[stateCount];
        all[0] = own[0];
        foreach (var state in order)
        {
            all[state] = fail[state] == 0 ? own[state] : [.. own[state], .. all[fail[state]]];
        }

        _outputStart = new int[stateCount + 1];
        var flat = new List<int>();
        for (var s = 0; s < stateCount; s++)
        {
            _outputStart[s] = flat.Count;
            flat.AddRange(all[s]);
        }

        _outputStart[stateCount] = flat.Count;
        _outputs = [.. flat];
        StateCount = stateCount;
    }

    /// <summary>Number of DFA states, for diagnostics.</summary>
    public int StateCount { get; }

    /// <summary>The state after reading <paramref name="c"/> in <paramref name="state"/>. The start state is 0.</summary>
    public int Next(int state, char c) => _transitions[state * _alphabetSize + _classOf[c]];

    /// <summary>Ids of the patterns that end at the current character when in <paramref name="state"/>.</summary>
    public ReadOnlySpan<int> Outputs(int state) =>
        _outputs.AsSpan(_outputStart[state], _outputStart[state + 1] - _outputStart[state]);
}
