using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace PeerRooms.Server.Auth;

/// <summary>
/// The authentication middleware: ASP.NET Core's AuthenticationMiddleware for every request except
/// hub requests (WebSocket upgrades above all), which this class authenticates itself. The result is the same: the default scheme (JWT bearer,
/// with every check and event of <see cref="AuthenticationSetup"/>) authenticates the request, and the
/// user and the authentication result are set for authorization and SignalR (which reads its expiry).
/// What differs is what an open WebSocket keeps for its whole life (hours):
/// <list type="bullet">
/// <item>the handlers run in a short-lived DI scope disposed as soon as the request is authenticated,
/// so the request keeps no authentication service, handler or handler cache;</item>
/// <item>the middleware does not await the rest of the pipeline when authentication completes
/// synchronously (the usual case), so no state machine stays suspended per connection.</item>
/// </list>
/// Together about 1 KB per idle connection (docs/performance.md). A refused request is challenged
/// by the authorization middleware as usual (401 with the token error, ProblemDetails body).
/// </summary>
public sealed class HubConnectionAuthentication(RequestDelegate next, IAuthenticationSchemeProvider schemes, IServiceScopeFactory scopes)
{
    // WebApplication adds its own UseAuthentication() unless the app marked it as set (the key
    // UseAuthentication writes); this middleware is that call. Covered by a functional test that
    // counts token validations per request.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private readonly AuthenticationMiddleware _framework = new(next, schemes);

    /// <summary>Use instead of UseAuthentication().</summary>
    public static WebApplication UseIn(WebApplication app)
    {
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseMiddleware<HubConnectionAuthentication>();
        return app;
    }

    /// <summary>
    /// The requests this middleware authenticates itself: every hub request (negotiate, WebSocket,
    /// server-sent events, long polling). Only WebSockets and server-sent events live long, but one
    /// path for all hub requests keeps them alike (WebSocket detection needs the WebSocket middleware,
    /// which SignalR adds only inside its endpoint).
    /// </summary>
    public static bool Handles(HttpContext http) => http.Request.Path.StartsWithSegments("/hubs");

    public Task InvokeAsync(HttpContext http)
    {
        if (!Handles(http)) return _framework.Invoke(http);
        var authenticated = AuthenticateAsync(http);
        return authenticated.IsCompletedSuccessfully ? next(http) : ThenNextAsync(authenticated, http);
    }

    private async Task ThenNextAsync(Task authenticated, HttpContext http)
    {
        await authenticated;
        await next(http);
    }

    private async Task AuthenticateAsync(HttpContext http)
    {
        if (await schemes.GetDefaultAuthenticateSchemeAsync() is not { } scheme) return;
        var requestServices = http.Features.Get<IServiceProvidersFeature>();
        await using var scope = scopes.CreateAsyncScope();
        http.Features.Set<IServiceProvidersFeature>(new ServiceProvidersFeature { RequestServices = scope.ServiceProvider });
        AuthenticateResult result;
        try
        {
            result = await http.AuthenticateAsync(scheme.Name);
        }
        finally
        {
            http.Features.Set(requestServices);
        }
        if (result.Principal is { } principal) http.User = principal;
        if (result.Succeeded)
        {
            var feature = new AuthenticatedResultFeature(result);
            http.Features.Set<IHttpAuthenticationFeature>(feature);
            http.Features.Set<IAuthenticateResultFeature>(feature);
        }
    }

    /// <summary>The two features AuthenticationMiddleware sets, over one result.</summary>
    private sealed class AuthenticatedResultFeature(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        private AuthenticateResult? _result = result;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set { _result = value; User = value?.Principal; }
        }

        public System.Security.Claims.ClaimsPrincipal? User { get; set; } = result.Principal;
    }
}
