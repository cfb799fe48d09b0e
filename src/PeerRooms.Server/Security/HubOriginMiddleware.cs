using PeerRooms.Core.Errors;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Security;

/// <summary>
/// Refuses hub requests (negotiate, WebSocket upgrade, long polling) whose Origin header is neither
/// this server's own nor allowed, with 403 ProblemDetails. CORS alone does not protect WebSockets:
/// browsers do not apply it to upgrades, so a hostile page could otherwise open a socket with a
/// token it obtained. Runs before authentication so refused requests cost nothing.
/// </summary>
public sealed class HubOriginMiddleware(RequestDelegate next, OriginPolicy policy, ILogger<HubOriginMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        if (http.Request.Path.StartsWithSegments("/hubs") && !policy.IsAllowed(http.Request))
        {
            SecurityLog.OriginRefused(logger, http.Request.Path.Value ?? "");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 403, Type = ErrorCodes.Forbidden, Title = "This origin may not connect to the hubs." },
            });
            return;
        }
        await next(http);
    }
}
