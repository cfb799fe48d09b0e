namespace PeerRooms.Core.Crisis;

/// <summary>
/// The documented rule that raises severity when risk signals occur together. Used for one message
/// by the detector and across a participant's recent messages by <see cref="RiskTrajectory"/>, so
/// both apply the same rule. Pure and total.
/// </summary>
/// <remarks>
/// The rule (the first that applies wins, and the result is never below <c>severity</c>):
/// <list type="number">
/// <item>act + means ("I swallowed" + "a whole bottle") → imminent, overdose_means;</item>
/// <item>intent or plan + means ("going to do it" + "a rope") → imminent, plan_intent;</item>
/// <item>farewell + time ("goodbye everyone" + "it's time") → imminent, plan_intent;</item>
/// <item>concern or more + intent + time → imminent, plan_intent ("I'm going to do it tonight" alone is
/// homework talk; after "I can't go on" it is not);</item>
/// <item>high + any of intent, time, means, plan, act → imminent, plan_intent;</item>
/// <item>concern + means, intent, plan or farewell → high.</item>
/// </list>
/// Signals alone never raise a message above none except by rules 1-3, because "pills",
/// "tonight" or "I'm going to" are everyday words in a recovery meeting.
/// </remarks>
public static class SeverityCombiner
{
    private const CrisisSignals Escalators =
        CrisisSignals.Intent | CrisisSignals.Time | CrisisSignals.Means | CrisisSignals.Plan | CrisisSignals.Act;

    /// <summary>
    /// Combines the highest single-match <paramref name="severity"/> with the union of
    /// <paramref name="signals"/>. <paramref name="addedCategory"/> is the category that the
    /// combination itself stands for, or null when the severity was not raised.
    /// </summary>
    public static CrisisSeverity Combine(CrisisSeverity severity, CrisisSignals signals, out CrisisCategory? addedCategory)
    {
        addedCategory = null;
        CrisisSeverity combined;
        CrisisCategory category;
        if (Has(signals, CrisisSignals.Act) && Has(signals, CrisisSignals.Means))
        {
            (combined, category) = (CrisisSeverity.Imminent, CrisisCategory.OverdoseMeans);
        }
        else if ((Has(signals, CrisisSignals.Intent) || Has(signals, CrisisSignals.Plan)) && Has(signals, CrisisSignals.Means))
        {
            (combined, category) = (CrisisSeverity.Imminent, CrisisCategory.PlanIntent);
        }
        else if (Has(signals, CrisisSignals.Time) &&
                 (Has(signals, CrisisSignals.Farewell) || (Has(signals, CrisisSignals.Intent) && severity >= CrisisSeverity.Concern)))
        {
            (combined, category) = (CrisisSeverity.Imminent, CrisisCategory.PlanIntent);
        }
        else if (severity >= CrisisSeverity.High && (signals & Escalators) != 0)
        {
            (combined, category) = (CrisisSeverity.Imminent, CrisisCategory.PlanIntent);
        }
        else if (severity == CrisisSeverity.Concern &&
                 (signals & (CrisisSignals.Means | CrisisSignals.Intent | CrisisSignals.Plan | CrisisSignals.Farewell)) != 0)
        {
            (combined, category) = (CrisisSeverity.High, CrisisCategory.PlanIntent);
        }
        else
        {
            return severity;
        }

        if (combined <= severity)
        {
            return severity;
        }

        addedCategory = category;
        return combined;
    }

    private static bool Has(CrisisSignals signals, CrisisSignals flag) => (signals & flag) != 0;
}
