using PeerRooms.Core.Escalation;

namespace PeerRooms.Server.Paging;

/// <summary>
/// How this node delivers escalations, bound from <c>PeerRooms:Escalation</c> (the same section as
/// the Core <see cref="EscalationPolicyOptions"/>, which holds the tiers). Validated at start-up.
/// </summary>
public sealed class PagingOptions
{
    /// <summary>Deliver the outbox and fire timers from this node. Every node does by default; off only for tests and drills.</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>How often the node looks for undelivered outbox items and due timers (its own writes are delivered at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node owns an outbox item it is delivering before another node may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Users (besides admins) who receive <c>supervisors</c> pages.</summary>
    public List<string> SupervisorUserIds { get; set; } = [];

    /// <summary>HMAC-SHA256 key for webhook signatures. Required when a tier is a webhook.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary><c>peerrooms</c> or <c>pagerduty</c> (Events API v2).</summary>
    public string WebhookFormat { get; set; } = "peerrooms";

    public string? PagerDutyRoutingKey { get; set; }

    /// <summary>Put the triggering message's text in webhook bodies. Off: pages leave the server with the minimum necessary.</summary>
    public bool WebhookIncludesText { get; set; }

    /// <summary>Longest wait between outbox retries of a failing webhook.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> Validate(EscalationPolicyOptions policy)
    {
        const string s = EscalationPolicyOptions.SectionName;
        var errors = new List<string>(policy.Validate());
        if (PollInterval <= TimeSpan.Zero || PollInterval > TimeSpan.FromMinutes(1)) errors.Add($"{s}:PollInterval must be positive and at most a minute.");
        if (LeaseDuration < TimeSpan.FromSeconds(1)) errors.Add($"{s}:LeaseDuration must be at least a second.");
        if (MaxRetryDelay < TimeSpan.FromSeconds(1)) errors.Add($"{s}:MaxRetryDelay must be at least a second.");
        if (WebhookFormat is not ("peerrooms" or "pagerduty")) errors.Add($"{s}:WebhookFormat must be peerrooms or pagerduty.");
        if (policy.Tiers.Any(t => t.Target == PageTargetKind.Webhook))
        {
            if (string.IsNullOrWhiteSpace(WebhookSecret) || WebhookSecret.Length < 16) errors.Add($"{s}:WebhookSecret (16+ characters) is required when a tier is a webhook.");
            if (WebhookFormat == "pagerduty" && string.IsNullOrWhiteSpace(PagerDutyRoutingKey)) errors.Add($"{s}:PagerDutyRoutingKey is required for the pagerduty format.");
        }
        return errors;
    }
}
