using Microsoft.Extensions.Options;

namespace PeerRooms.Server.ScaleOut;

/// <summary>
/// <c>PeerRooms:ScaleOut:*</c>: node leases, used only when <c>PeerRooms:Redis</c> is set. A killed
/// node's participants leave other nodes' rosters within <see cref="LeaseTtlSeconds"/> +
/// <see cref="SweepIntervalSeconds"/> (20 s with the defaults).
/// </summary>
public sealed class ScaleOutOptions
{
    public const string Section = "PeerRooms:ScaleOut";

    /// <summary>How often a node renews its lease.</summary>
    public double LeaseRenewSeconds { get; set; } = 5;

    /// <summary>How long a lease lasts without renewal; at least twice the renew interval, so one slow renewal is not fatal.</summary>
    public double LeaseTtlSeconds { get; set; } = 15;

    /// <summary>How often every node looks for expired leases.</summary>
    public double SweepIntervalSeconds { get; set; } = 5;

    public TimeSpan LeaseRenew => TimeSpan.FromSeconds(LeaseRenewSeconds);
    public TimeSpan LeaseTtl => TimeSpan.FromSeconds(LeaseTtlSeconds);
    public TimeSpan SweepInterval => TimeSpan.FromSeconds(SweepIntervalSeconds);
}

public sealed class ScaleOutOptionsValidator : IValidateOptions<ScaleOutOptions>
{
    public ValidateOptionsResult Validate(string? name, ScaleOutOptions o)
    {
        var errors = new List<string>();
        if (o.LeaseRenewSeconds is < 0.1 or > 300) errors.Add("PeerRooms:ScaleOut:LeaseRenewSeconds must be 0.1-300.");
        if (o.LeaseTtlSeconds < 2 * o.LeaseRenewSeconds || o.LeaseTtlSeconds > 3600)
            errors.Add("PeerRooms:ScaleOut:LeaseTtlSeconds must be at least twice LeaseRenewSeconds and at most 3600.");
        if (o.SweepIntervalSeconds is < 0.1 or > 300) errors.Add("PeerRooms:ScaleOut:SweepIntervalSeconds must be 0.1-300.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
