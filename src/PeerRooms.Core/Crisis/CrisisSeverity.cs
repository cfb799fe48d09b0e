namespace PeerRooms.Core.Crisis;

/// <summary>
/// How urgent a crisis signal is. Ordered: a larger value is always more urgent, so callers may
/// compare with &lt; and &gt;. Wire names are <c>none</c>, <c>concern</c>, <c>high</c>, <c>imminent</c>.
/// </summary>
public enum CrisisSeverity
{
    /// <summary>Nothing that needs a human to look.</summary>
    None = 0,

    /// <summary>Distress, hopelessness, passive wishes ("I wish I could disappear").</summary>
    Concern = 1,

    /// <summary>Active ideation, self-harm, intent to use dangerously.</summary>
    High = 2,

    /// <summary>A plan, means, a time, or an act in progress.</summary>
    Imminent = 3,
}

/// <summary>Wire names for <see cref="CrisisSeverity"/>; these are part of the protocol: never rename.</summary>
public static class CrisisSeverityNames
{
    /// <summary>The snake_case wire name.</summary>
    public static string ToWireName(this CrisisSeverity severity) => severity switch
    {
        CrisisSeverity.None => "none",
        CrisisSeverity.Concern => "concern",
        CrisisSeverity.High => "high",
        CrisisSeverity.Imminent => "imminent",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>Parses a wire name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out CrisisSeverity severity)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "none": severity = CrisisSeverity.None; return true;
            case "concern": severity = CrisisSeverity.Concern; return true;
            case "high": severity = CrisisSeverity.High; return true;
            case "imminent": severity = CrisisSeverity.Imminent; return true;
            default: severity = CrisisSeverity.None; return false;
        }
    }
}
