namespace PeerRooms.Core.Crisis;

/// <summary>
/// One term or phrase of a lexicon. <see cref="Term"/> is written naturally ("don't want to live");
/// it is normalised like messages are. A leading or trailing <c>*</c> lifts the word-boundary check
/// on that side, for attached clitics and inflections ("*اقتل نفسي" also matches "ساقتل نفسي",
/// "suicid*" matches "suicidio"). An entry with severity <c>none</c> only contributes
/// <see cref="Signals"/> (e.g. "tonight" is a time signal, never an alarm by itself).
/// </summary>
public sealed record LexiconEntry(string Term, CrisisSeverity Severity, CrisisCategory Category, CrisisSignals Signals);
