namespace PeerRooms.Core.Escalation;

/// <summary>
/// Paging policy, bound from <c>PeerRooms:Escalation</c> and validated at start-up.
/// </summary>
public sealed class EscalationPolicyOptions
{
    public const string SectionName = "PeerRooms:Escalation";

    /// <summary>The ladder, first tier first. Defaults: crisis staff (2 min, twice), supervisors (3 min), webhook (5 min).</summary>
    public List<EscalationTier> Tiers { get; set; } =
    [
        new() { Name = "crisis-staff", Target = PageTargetKind.CrisisStaff, AckTimeout = TimeSpan.FromMinutes(2), RepeatCount = 2 },
        new() { Name = "supervisors", Target = PageTargetKind.Supervisors, AckTimeout = TimeSpan.FromMinutes(3), RepeatCount = 1 },
    ];

    /// <summary>
    /// For high (not imminent) risk, how long facilitators have to acknowledge before crisis staff
    /// are paged. Imminent risk never waits. Default zero: crisis staff must know within seconds;
    /// an organisation that wants facilitators to try first sets a grace period explicitly.
    /// </summary>
    public TimeSpan FacilitatorGracePeriod { get; set; } = TimeSpan.Zero;

    /// <summary>Problems with these options, each a clear sentence; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Tiers.Count == 0)
        {
            errors.Add($"{SectionName}:Tiers must have at least one tier.");
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            var where = $"{SectionName}:Tiers:{i}";
            if (string.IsNullOrWhiteSpace(tier.Name)) errors.Add($"{where}:Name is required.");
            if (tier.AckTimeout <= TimeSpan.Zero) errors.Add($"{where}:AckTimeout must be positive.");
            if (tier.RepeatCount < 1) errors.Add($"{where}:RepeatCount must be at least 1.");
            if (tier.Target == PageTargetKind.Webhook && !Uri.TryCreate(tier.WebhookUrl, UriKind.Absolute, out _))
            {
                errors.Add($"{where}:WebhookUrl must be an absolute URL for a webhook tier.");
            }
        }

        if (FacilitatorGracePeriod < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:FacilitatorGracePeriod must not be negative.");
        }

        return errors;
    }
}
