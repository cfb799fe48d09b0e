using Microsoft.Extensions.Options;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Security;

/// <summary>
/// Which browser origins may talk to this server: the same origin always, the configured
/// <c>PeerRooms:AllowedOrigins</c>, and in Development any localhost/127.0.0.1 origin. Used for the
/// WebSocket/hub origin check (<see cref="HubOriginMiddleware"/>) and for CORS on the HTTP API.
/// Requests without an Origin header (native apps, server-to-server) are not browser cross-origin
/// requests and are not affected; they still need a token.
/// </summary>
public sealed class OriginPolicy
{
    private readonly HashSet<string> _allowed;
    private readonly bool _allowLocalhost;

    public OriginPolicy(IOptions<PeerRoomsOptions> options, IHostEnvironment env)
    {
        _allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in options.Value.AllowedOrigins ?? [])
            if (TryNormalize(origin, out var normalized)) _allowed.Add(normalized);
        _allowLocalhost = env.IsDevelopment();
    }

    /// <summary>True for a configured origin (or a localhost one in Development). Same-origin is checked separately.</summary>
    public bool IsAllowedCrossOrigin(string origin)
    {
        if (!TryNormalize(origin, out var normalized)) return false;
        if (_allowed.Contains(normalized)) return true;
        return _allowLocalhost && Uri.TryCreate(normalized, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the request carries no Origin, its Origin is this server's own, or an allowed one.</summary>
    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        return IsSameOrigin(origin, request) || IsAllowedCrossOrigin(origin);
    }

    /// <summary>
    /// Same origin means the Origin's host and port are the ones the request was sent to. The scheme is
    /// not compared because TLS is often terminated by a proxy in front of the node.
    /// </summary>
    public static bool IsSameOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !request.Host.HasValue) return false;
        var host = request.Host;
        var port = host.Port ?? (request.IsHttps ? 443 : 80);
        var originPort = uri.IsDefaultPort ? (uri.Scheme == Uri.UriSchemeHttps ? 443 : 80) : uri.Port;
        return string.Equals(uri.IdnHost, host.Host, StringComparison.OrdinalIgnoreCase)
            && (originPort == port || (host.Port is null && uri.IsDefaultPort));
    }

    /// <summary>"scheme://host[:port]" lower-cased, without a trailing slash; http/https only, no path or query.</summary>
    public static bool TryNormalize(string? origin, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(origin)) return false;
        if (!Uri.TryCreate(origin.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo)) return false;
        normalized = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
        normalized = normalized.ToLowerInvariant();
        return true;
    }
}
