namespace PeerRooms.Core.Escalation;

/// <summary>Who a tier pages. Wire names: <c>crisis-staff</c>, <c>supervisors</c>, <c>webhook</c>.</summary>
public enum PageTargetKind
{
    CrisisStaff,
    Supervisors,
    Webhook,
}

/// <summary>
/// One step of the paging ladder: page <see cref="Target"/>, wait <see cref="AckTimeout"/> for an
/// acknowledgement, repeat up to <see cref="RepeatCount"/> times in total, then move to the next tier.
/// Options-class style so it binds from <c>PeerRooms:Escalation:Tiers</c>.
/// </summary>
public sealed class EscalationTier
{
    public string Name { get; set; } = string.Empty;

    public PageTargetKind Target { get; set; } = PageTargetKind.CrisisStaff;

    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Total pages sent at this tier before moving on (at least 1).</summary>
    public int RepeatCount { get; set; } = 1;

    /// <summary>The webhook address for <see cref="PageTargetKind.Webhook"/> tiers.</summary>
    public string? WebhookUrl { get; set; }
}

/// <summary>Wire names for <see cref="PageTargetKind"/>.</summary>
public static class PageTargetKindNames
{
    public static string ToWireName(this PageTargetKind kind) => kind switch
    {
        PageTargetKind.CrisisStaff => "crisis-staff",
        PageTargetKind.Supervisors => "supervisors",
        PageTargetKind.Webhook => "webhook",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
