namespace PeerRooms.Core.Crisis;

/// <summary>
/// What kind of risk a match points at. Wire names are snake_case (<c>self_harm</c>, ...) and are
/// part of the protocol: never rename, only add.
/// </summary>
public enum CrisisCategory
{
    /// <summary>Thoughts of suicide or of being dead.</summary>
    Ideation,

    /// <summary>Cutting, burning, hurting oneself.</summary>
    SelfHarm,

    /// <summary>Overdose, dangerous use, and the means to do it (pills, doses).</summary>
    OverdoseMeans,

    /// <summary>A plan, an intent, a time chosen, farewell messages.</summary>
    PlanIntent,

    /// <summary>Wanting or threatening to hurt someone else.</summary>
    HarmToOthers,

    /// <summary>Being abused or unsafe at home.</summary>
    Abuse,
}

/// <summary>Wire names for <see cref="CrisisCategory"/>.</summary>
public static class CrisisCategoryNames
{
    /// <summary>The snake_case wire name.</summary>
    public static string ToWireName(this CrisisCategory category) => category switch
    {
        CrisisCategory.Ideation => "ideation",
        CrisisCategory.SelfHarm => "self_harm",
        CrisisCategory.OverdoseMeans => "overdose_means",
        CrisisCategory.PlanIntent => "plan_intent",
        CrisisCategory.HarmToOthers => "harm_to_others",
        CrisisCategory.Abuse => "abuse",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>Parses a wire name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out CrisisCategory category)
    {
        foreach (var candidate in Enum.GetValues<CrisisCategory>())
        {
            if (string.Equals(candidate.ToWireName(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }
}
