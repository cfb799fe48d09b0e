using Microsoft.Extensions.Options;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Security;

/// <summary>
/// Validates the security limits and allowed origins at start-up, next to
/// <see cref="PeerRoomsOptionsValidator"/>, so a typo fails the node instead of disabling a limit.
/// </summary>
public sealed class SecurityOptionsValidator : IValidateOptions<PeerRoomsOptions>
{
    public ValidateOptionsResult Validate(string? name, PeerRoomsOptions o)
    {
        var errors = new List<string>();
        var l = o.Limits;
        Range(errors, "MessagesPerWindow", l.MessagesPerWindow, 1, 10_000);
        Range(errors, "MessageWindowSeconds", l.MessageWindowSeconds, 1, 3600);
        Range(errors, "CallsPerWindow", l.CallsPerWindow, 1, 100_000);
        Range(errors, "CallWindowSeconds", l.CallWindowSeconds, 1, 3600);
        Range(errors, "JoinAttemptsPerMinute", l.JoinAttemptsPerMinute, 1, 10_000);
        Range(errors, "MaxConnectionsPerUser", l.MaxConnectionsPerUser, 1, 1000);
        foreach (var origin in o.AllowedOrigins ?? [])
        {
            if (!OriginPolicy.TryNormalize(origin, out _))
                errors.Add($"PeerRooms:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], http or https, no path).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add($"PeerRooms:Limits:{key} must be {min}-{max}.");
    }
}
