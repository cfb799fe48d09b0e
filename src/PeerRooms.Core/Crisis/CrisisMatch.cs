namespace PeerRooms.Core.Crisis;

/// <summary>
/// One lexicon entry found in a message. <see cref="Start"/> and <see cref="Length"/> index the
/// ORIGINAL text the caller passed (not the normalised form), so a UI can highlight the span and a
/// redactor can cut it. <see cref="Term"/> is the lexicon's own spelling, not the user's.
/// </summary>
public readonly record struct CrisisMatch(
    string Term,
    CrisisCategory Category,
    CrisisSeverity Severity,
    int Start,
    int Length,
    CrisisSignals Signals = CrisisSignals.None);
