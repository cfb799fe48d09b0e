using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace PeerRooms.Server.Auth;

/// <summary>
/// Drops the bearer token from a hub request once authentication and authorization have run: the
/// <c>Authorization</c> header and the <c>access_token</c> query parameter (browsers' WebSockets).
/// A WebSocket request lives as long as its connection, so without this every connection would keep
/// its token (twice, about 1 KB) in memory for hours, where a heap dump or a careless log line could
/// reach it. Nothing after this point reads the token: the principal and the expiry SignalR enforces
/// come from the authentication result. Synchronous on purpose: a pass-through middleware that
/// awaited <c>next</c> would keep one more state machine per open connection.
/// </summary>
public static class HubTokenScrubbing
{
    private const string QueryName = "access_token";

    /// <summary>Call after UseAuthentication and UseAuthorization.</summary>
    public static WebApplication UseHubTokenScrubbing(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/hubs")) Scrub(http);
            return next(http);
        });
        return app;
    }

    public static void Scrub(HttpContext http)
    {
        var request = http.Request;
        if (!StringValues.IsNullOrEmpty(request.Headers.Authorization)) request.Headers.Authorization = StringValues.Empty;
        if (!request.QueryString.HasValue || !request.Query.ContainsKey(QueryName)) return;

        var kept = new QueryBuilder();
        foreach (var (name, values) in request.Query)
        {
            if (string.Equals(name, QueryName, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values) kept.Add(name, value ?? "");
        }
        request.QueryString = kept.ToQueryString();
        if (http.Features.Get<IHttpRequestFeature>() is { } feature)
            feature.RawTarget = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
    }
}
