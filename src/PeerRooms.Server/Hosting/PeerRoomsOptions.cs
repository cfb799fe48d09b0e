using PeerRooms.Core.Chat;

namespace PeerRooms.Server.Hosting;

/// <summary>Everything under <c>PeerRooms:*</c>. Validated at start-up; see docs/operations.md.</summary>
public sealed class PeerRoomsOptions
{
    public const string Section = "PeerRooms";

    /// <summary>Where the SQLite database and the development signing key live. Created on first run.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Redis configuration string. When set, live state and the SignalR backplane use Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key and backplane channel, so deployments can share a Redis.</summary>
    public string RedisPrefix { get; set; } = "peerrooms";

    /// <summary>This node's id in presence leases; random per process when not set.</summary>
    public string? NodeId { get; set; }

    public AuthOptions Auth { get; set; } = new();

    public LimitsOptions Limits { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>How long a stopping node (SIGTERM) may take to drain before it exits (HostOptions.ShutdownTimeout).</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>After readiness turns 503 on shutdown, how long to keep serving before telling clients to
    /// reconnect, so the load balancer stops routing new connections here first.</summary>
    public int ShutdownDrainDelaySeconds { get; set; } = 2;

    /// <summary>
    /// Browser origins (e.g. <c>https://rooms.example.org</c>) allowed to open hub connections and to
    /// call the HTTP API cross-origin. Same-origin is always allowed; in Development so are
    /// <c>http(s)://localhost:*</c> and <c>127.0.0.1:*</c>. See docs/operations.md.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}

public sealed class AuthOptions
{
    public string Issuer { get; set; } = "peerrooms";
    public string Audience { get; set; } = "peerrooms";
    /// <summary>HMAC-SHA256 signing key (at least 32 bytes of UTF-8). Required in production unless <see cref="Authority"/> is set.</summary>
    public string? SigningKey { get; set; }
    /// <summary>Keys still accepted for validation (not for signing) during a rotation; remove once old tokens expired.</summary>
    public string[] PreviousSigningKeys { get; set; } = [];
    /// <summary>An OpenID Connect authority whose keys validate tokens instead of <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }
    /// <summary>Enables <c>POST /api/dev/token</c>. On in Development, off otherwise unless set.</summary>
    public bool DevTokens { get; set; }
    public int DevTokenLifetimeMinutes { get; set; } = 480;
}

public sealed class LimitsOptions
{
    /// <summary>Largest hub message a client may send, in bytes.</summary>
    public long MaximumReceiveMessageSize { get; set; } = 32 * 1024;
    public int MaxMessageLength { get; set; } = 4000;
    public int MaxDisplayNameLength { get; set; } = 40;
    public int MaxRoomsPerConnection { get; set; } = 5;
    public int HistoryOnJoin { get; set; } = 50;
    public int MaximumParallelInvocationsPerClient { get; set; } = 1;

    // Security limits (docs/operations.md, "Security and limits"); per user, counted on each node.
    /// <summary>Messages (SendMessage calls) one user may send per <see cref="MessageWindowSeconds"/>.</summary>
    public int MessagesPerWindow { get; set; } = 30;
    public int MessageWindowSeconds { get; set; } = 10;
    /// <summary>Hub calls of any kind one user may make per <see cref="CallWindowSeconds"/>.</summary>
    public int CallsPerWindow { get; set; } = 200;
    public int CallWindowSeconds { get; set; } = 10;
    /// <summary>JoinRoom calls one user may make per minute.</summary>
    public int JoinAttemptsPerMinute { get; set; } = 20;
    /// <summary>Hub connections one user may hold on one node at once.</summary>
    public int MaxConnectionsPerUser { get; set; } = 10;

    public ChatLimits ToChatLimits() => new()
    {
        MaxMessageLength = MaxMessageLength,
        MaxDisplayNameLength = MaxDisplayNameLength,
        MaxRoomsPerConnection = MaxRoomsPerConnection,
        HistoryOnJoin = HistoryOnJoin,
    };
}
