using Microsoft.Extensions.Options;

namespace PeerRooms.Server.Disclosure;

/// <summary><c>PeerRooms:Disclosure:*</c>. Validated at start-up.</summary>
public sealed class DisclosureOptions
{
    public const string Section = "PeerRooms:Disclosure";

    /// <summary>How often expired retained transcript messages are deleted (minutes, 1-1440).</summary>
    public int TranscriptPurgeIntervalMinutes { get; set; } = 60;
}

public sealed class DisclosureOptionsValidator : IValidateOptions<DisclosureOptions>
{
    public ValidateOptionsResult Validate(string? name, DisclosureOptions o)
        => o.TranscriptPurgeIntervalMinutes is < 1 or > 1440
            ? ValidateOptionsResult.Fail("PeerRooms:Disclosure:TranscriptPurgeIntervalMinutes must be 1-1440.")
            : ValidateOptionsResult.Success;
}
