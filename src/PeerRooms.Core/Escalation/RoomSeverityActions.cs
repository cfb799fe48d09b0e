using PeerRooms.Core.Crisis;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// Per-room settings: what to do at each severity. The defaults follow the design notes: concern →
/// alert facilitators; high → also page crisis staff (after the facilitator grace period);
/// imminent → page immediately and show the crisis resources card. A room may tighten these but
/// <see cref="Validate"/> refuses settings that would page less at a higher severity.
/// </summary>
public sealed record RoomSeverityActions
{
    /// <summary>The defaults described above.</summary>
    public static RoomSeverityActions Default { get; } = new();

    public SeverityAction Concern { get; init; } = new(true, false, false, false, RiskyMessageHandling.Deliver);

    public SeverityAction High { get; init; } = new(true, true, false, true, RiskyMessageHandling.DeliverWithWarning);

    public SeverityAction Imminent { get; init; } = new(true, true, true, true, RiskyMessageHandling.HoldForReview);

    /// <summary>The action for <paramref name="severity"/>; null for <see cref="CrisisSeverity.None"/> (nothing to do).</summary>
    public SeverityAction? For(CrisisSeverity severity) => severity switch
    {
        CrisisSeverity.Concern => Concern,
        CrisisSeverity.High => High,
        CrisisSeverity.Imminent => Imminent,
        _ => null,
    };

    /// <summary>Problems with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Imminent.PageCrisisStaff || !Imminent.PageImmediately)
        {
            errors.Add("Imminent risk must page crisis staff immediately.");
        }

        if (!High.PageCrisisStaff)
        {
            errors.Add("High risk must page crisis staff.");
        }

        if (!Concern.AlertFacilitators || !High.AlertFacilitators || !Imminent.AlertFacilitators)
        {
            errors.Add("Every severity must alert facilitators.");
        }

        return errors;
    }
}
