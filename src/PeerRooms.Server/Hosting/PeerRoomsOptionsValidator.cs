using Microsoft.Extensions.Options;

namespace PeerRooms.Server.Hosting;

/// <summary>Fails start-up with a clear message instead of failing later on the first request.</summary>
public sealed class PeerRoomsOptionsValidator(IHostEnvironment env) : IValidateOptions<PeerRoomsOptions>
{
    public ValidateOptionsResult Validate(string? name, PeerRoomsOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.DataDirectory)) errors.Add("PeerRooms:DataDirectory must be set.");
        if (string.IsNullOrWhiteSpace(o.RedisPrefix)) errors.Add("PeerRooms:RedisPrefix must not be empty.");
        if (o.NodeId is { } nodeId && (nodeId.Length > 64 || nodeId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
            errors.Add("PeerRooms:NodeId must be at most 64 characters without spaces or control characters.");
        var auth = o.Auth;
        if (string.IsNullOrWhiteSpace(auth.Issuer) || string.IsNullOrWhiteSpace(auth.Audience))
            errors.Add("PeerRooms:Auth:Issuer and PeerRooms:Auth:Audience must be set.");
        if (auth.SigningKey is { } key && System.Text.Encoding.UTF8.GetByteCount(key) < 32)
            errors.Add("PeerRooms:Auth:SigningKey must be at least 32 bytes.");
        if (!env.IsDevelopment() && string.IsNullOrWhiteSpace(auth.SigningKey) && string.IsNullOrWhiteSpace(auth.Authority))
            errors.Add("Outside Development, set PeerRooms:Auth:SigningKey (32+ bytes) or PeerRooms:Auth:Authority so tokens can be validated.");
        if (auth.DevTokenLifetimeMinutes is < 1 or > 7 * 24 * 60)
            errors.Add("PeerRooms:Auth:DevTokenLifetimeMinutes must be between 1 and 10080.");
        var l = o.Limits;
        if (l.MaximumReceiveMessageSize is < 1024 or > 1024 * 1024) errors.Add("PeerRooms:Limits:MaximumReceiveMessageSize must be 1 KiB - 1 MiB.");
        if (l.MaxMessageLength is < 1 or > 20000) errors.Add("PeerRooms:Limits:MaxMessageLength must be 1-20000.");
        if (l.MaxDisplayNameLength is < 2 or > 100) errors.Add("PeerRooms:Limits:MaxDisplayNameLength must be 2-100.");
        if (l.MaxRoomsPerConnection is < 1 or > 100) errors.Add("PeerRooms:Limits:MaxRoomsPerConnection must be 1-100.");
        if (l.HistoryOnJoin is < 0 or > 1000) errors.Add("PeerRooms:Limits:HistoryOnJoin must be 0-1000.");
        if (l.MaximumParallelInvocationsPerClient is < 1 or > 32) errors.Add("PeerRooms:Limits:MaximumParallelInvocationsPerClient must be 1-32.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
