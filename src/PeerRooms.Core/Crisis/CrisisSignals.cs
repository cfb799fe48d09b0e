namespace PeerRooms.Core.Crisis;

/// <summary>
/// Kinds of risk signal a lexicon entry may carry besides its own severity. Signals matter in
/// combination (see <see cref="SeverityCombiner"/>): crisis-line research found that words for a
/// method, a means or a time ("pills", "a rope", "tonight") predict risk far better than the word
/// "suicide" itself, but on their own they are everyday words.
/// </summary>
[Flags]
public enum CrisisSignals
{
    None = 0,

    /// <summary>A declared intent to act ("I'm going to do it", "voy a tomarme").</summary>
    Intent = 1,

    /// <summary>A method or means (pills, a whole bottle, rope, bridge, gun, 💊).</summary>
    Means = 2,

    /// <summary>A near time (tonight, right now, ahora mismo, الليلة).</summary>
    Time = 4,

    /// <summary>An act done or in progress ("I swallowed", "I took them all").</summary>
    Act = 8,

    /// <summary>A worked-out plan ("I know where", "I wrote the letters").</summary>
    Plan = 16,

    /// <summary>Farewell to the group ("goodbye everyone", "I love you all").</summary>
    Farewell = 32,
}

/// <summary>Wire names for <see cref="CrisisSignals"/> flags as used in lexicon files.</summary>
public static class CrisisSignalNames
{
    /// <summary>Parses one signal name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out CrisisSignals signal)
    {
        signal = name?.Trim().ToLowerInvariant() switch
        {
            "intent" => CrisisSignals.Intent,
            "means" => CrisisSignals.Means,
            "time" => CrisisSignals.Time,
            "act" => CrisisSignals.Act,
            "plan" => CrisisSignals.Plan,
            "farewell" => CrisisSignals.Farewell,
            _ => CrisisSignals.None,
        };
        return signal != CrisisSignals.None;
    }
}
