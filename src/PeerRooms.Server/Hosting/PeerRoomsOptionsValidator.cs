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
        if (auth.PreviousSigningKeys.Any(k => string.IsNullOrWhiteSpace(k) || System.Text.Encoding.UTF8.GetByteCount(k) < 32))
            errors.Add("Each of PeerRooms:Auth:PreviousSigningKeys must be at least 32 bytes.");
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
        ValidateOperations(o, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateOperations(PeerRoomsOptions o, List<string> errors)
    {
        var m = o.Metrics;
        if (string.IsNullOrWhiteSpace(m.Path) || !m.Path.StartsWith('/')) errors.Add("PeerRooms:Metrics:Path must start with '/'.");
        if (m.Port is < 1 or > 65535) errors.Add("PeerRooms:Metrics:Port must be 1-65535.");
        foreach (var network in m.AllowedNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
                errors.Add($"PeerRooms:Metrics:AllowedNetworks: '{network}' is not a CIDR network (e.g. 10.0.0.0/8).");
        }
        var t = o.Telemetry;
        if (t.OtlpEndpoint is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            errors.Add("PeerRooms:Telemetry:OtlpEndpoint must be an absolute URI.");
        if (t.OtlpProtocol is not ("grpc" or "http/protobuf")) errors.Add("PeerRooms:Telemetry:OtlpProtocol must be grpc or http/protobuf.");
        if (string.IsNullOrWhiteSpace(t.ServiceName)) errors.Add("PeerRooms:Telemetry:ServiceName must be set.");
        if (t.TraceSampleRatio is < 0 or > 1) errors.Add("PeerRooms:Telemetry:TraceSampleRatio must be 0-1.");
        if (o.ShutdownTimeoutSeconds is < 1 or > 600) errors.Add("PeerRooms:ShutdownTimeoutSeconds must be 1-600.");
        if (o.ShutdownDrainDelaySeconds < 0 || o.ShutdownDrainDelaySeconds >= o.ShutdownTimeoutSeconds)
            errors.Add("PeerRooms:ShutdownDrainDelaySeconds must be 0 or more and less than PeerRooms:ShutdownTimeoutSeconds.");
    }
}
