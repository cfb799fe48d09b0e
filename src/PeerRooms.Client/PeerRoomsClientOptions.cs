using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace PeerRooms.Client;

/// <summary>The SignalR hub protocol a client speaks. The server serves both.</summary>
public enum WireProtocol
{
    /// <summary>Text JSON (the default; readable in traces).</summary>
    Json,
    /// <summary>Binary MessagePack (smaller and cheaper to parse).</summary>
    MessagePack,
}

/// <summary>How a <see cref="PeerRoomsClient"/> connects.</summary>
public sealed class PeerRoomsClientOptions
{
    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:5080</c>. Required.</summary>
    public Uri? Server { get; set; }

    /// <summary>The hub path; the rooms hub unless set.</summary>
    public string HubPath { get; set; } = Core.Contracts.HubPaths.Rooms;

    /// <summary>The wire protocol.</summary>
    public WireProtocol Protocol { get; set; } = WireProtocol.Json;

    /// <summary>
    /// Returns the bearer token for each (re)connect. Called again on every reconnect, so it may
    /// refresh an expiring token.
    /// </summary>
    public Func<Task<string?>>? AccessTokenProvider { get; set; }

    /// <summary>Reconnect delays; a <see cref="JitteredRetryPolicy"/> (0.5 s doubling to 15 s, giving up after 10 min) unless set.</summary>
    public IRetryPolicy? RetryPolicy { get; set; }

    /// <summary>Transports to try; WebSockets only by default (no negotiate round trip).</summary>
    public HttpTransportType Transports { get; set; } = HttpTransportType.WebSockets;

    /// <summary>
    /// How long without any message from the server before the connection counts as lost. The client
    /// pings every 15 s (SignalR's default), inside the server's 30 s client timeout.
    /// </summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Older messages re-requested after a reconnect, in sequences below the newest one seen. Covers
    /// messages fanned out slightly out of order just before the connection dropped; duplicates are
    /// filtered by sequence number, so a larger window costs bandwidth only.
    /// </summary>
    public int ReorderWindow { get; set; } = 32;

    /// <summary>Logging for the client's own events (reconnects, rejoins); nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Further HTTP connection settings (headers, a custom WebSocket factory in tests, ...).</summary>
    public Action<HttpConnectionOptions>? ConfigureHttpConnection { get; set; }

    /// <summary>The default retry policy.</summary>
    public static IRetryPolicy DefaultRetryPolicy() =>
        new JitteredRetryPolicy(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(10));
}
