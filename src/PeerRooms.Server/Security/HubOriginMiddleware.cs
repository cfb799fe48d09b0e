using PeerRooms.Core.Errors;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Security;

/// <summary>
/// Refuses hub requests (negotiate, WebSocket upgrade, long polling) whose Origin header is neither
/// this server's own nor allowed, with 403 ProblemDetails. CORS alone does not protect WebSockets:
/// browsers do not apply it to upgrades, so a hostile page could otherwise open a socket with a
/// token it obtained. Runs before authentication so refused requests cost nothing.
/// </summary>
public sealed class HubOriginMiddleware(RequestDelegate next, OriginPolicy policy, IProblemDetailsService problems, ILogger<HubOriginMiddleware> logger)
{
    /// <summary>Synchronous when the request passes: an awaiting middleware would hold a state machine per open connection.</summary>
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/hubs") && !policy.IsAllowed(http.Request)) return RefuseAsync(http);
        return next(http);
    }

    private async Task RefuseAsync(HttpContext http)
    {
        SecurityLog.OriginRefused(logger, http.Request.Path.Value ?? "");
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = 403, Type = ErrorCodes.Forbidden, Title = "This origin may not connect to the hubs." },
        });
    }
}
