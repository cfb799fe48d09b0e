namespace PeerRooms.Core.Escalation;

/// <summary>What the paging timer should do for a case.</summary>
public enum EscalationActionKind
{
    /// <summary>Nothing, now or later: acknowledged, resolved, or a severity that does not page.</summary>
    None,

    /// <summary>Page <see cref="EscalationAction.TierIndex"/> now, then call again.</summary>
    PageNow,

    /// <summary>Nothing yet; call again at <see cref="EscalationAction.DueAt"/>.</summary>
    Wait,

    /// <summary>Every tier was paged and timed out; alert operations (the server logs and alarms).</summary>
    Exhausted,
}

/// <summary>The answer of <see cref="EscalationPolicy.NextAction"/>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="TierIndex">The tier to page now (<see cref="EscalationActionKind.PageNow"/>) or when <see cref="DueAt"/> comes (<see cref="EscalationActionKind.Wait"/>).</param>
/// <param name="Tier">That tier's settings.</param>
/// <param name="DueAt">When the page is (or was) due; for <see cref="EscalationActionKind.Wait"/> the time to check again.</param>
public sealed record EscalationAction(EscalationActionKind Kind, int? TierIndex, EscalationTier? Tier, DateTimeOffset? DueAt)
{
    public static EscalationAction Nothing { get; } = new(EscalationActionKind.None, null, null, null);
}
