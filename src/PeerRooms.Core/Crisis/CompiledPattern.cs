namespace PeerRooms.Core.Crisis;

/// <summary>What a pattern in the automaton stands for.</summary>
internal enum PatternKind : byte
{
    Crisis,
    Negation,
    NegationBreaker,
    Figurative,
    ThirdParty,
    FirstPerson,
    Past,
    Relapse,
}

/// <summary>
/// One normalised pattern in the automaton with what the scanner needs to judge an occurrence:
/// which languages it belongs to, whether each edge must sit on a word boundary, and how many
/// word separators it spans (to place it in token windows).
/// </summary>
internal sealed record CompiledPattern(
    string Text,
    PatternKind Kind,
    LexiconEntry? Entry,
    int LanguageMask,
    bool LeftBoundary,
    bool RightBoundary,
    bool SelfReferential)
{
    public int Length { get; } = Text.Length;

    public int SeparatorCount { get; } = Text.Count(c => c == TextNormalizer.WordSeparator);
}

/// <summary>
/// An occurrence of a pattern in normalised text. Token indexes count word separators before the
/// first and last character; <see cref="Clause"/> counts clause separators. Unmanaged so a scan can
/// keep its hits on the stack.
/// </summary>
internal struct PatternHit
{
    public int PatternId;
    public int Start;
    public int End;
    public int TokenStart;
    public int TokenEnd;
    public int Clause;
    public bool Suppressed;
}
