using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Security;

/// <summary>
/// Every endpoint requires authentication except a short, reviewed list. A new endpoint that allows
/// anonymous access fails this test until it is added here on purpose.
/// </summary>
public class EndpointAuthorizationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>Route patterns that may be called without a token, and why.</summary>
    private static readonly HashSet<string> AnonymousAllowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "/healthz",          // liveness probes
        "/readyz",           // readiness probes
        "/api/dev/token",    // Development only (404 otherwise)
        "/openapi/{documentName}.json", // the published contract
        "/metrics",          // Prometheus scrape (ops); protect at the network edge, see docs/operations.md
    };

    [Fact]
    public void Only_health_dev_tokens_openapi_metrics_and_the_app_shell_allow_anonymous_callers()
    {
        var sources = fixture.Server.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var endpoints = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();
        // The web app's HTML shell pages (they hold no data; the app then authenticates).
        var allowed = AnonymousAllowed.Concat(PeerRooms.Server.Http.WebAppEndpoints.AppPaths).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(anonymous, pattern => Assert.Contains(pattern, allowed));

        // Everything else either names a policy or falls back to "authenticated user".
        var hubs = endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/hubs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hubs);
        Assert.All(hubs, e => Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>()));
    }

    [Fact]
    public async Task The_fallback_policy_refuses_anonymous_calls_to_the_api_and_hubs()
    {
        var http = fixture.Server.Http;
        foreach (var path in new[] { "/api/rooms", "/api/admin/users/u1/disconnect", "/hubs/rooms/negotiate?negotiateVersion=1" })
        {
            using var response = path.Contains("negotiate") || path.Contains("disconnect")
                ? await http.PostAsync(path, null)
                : await http.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var health = await http.GetAsync("/healthz");
        Assert.True(health.IsSuccessStatusCode);
    }
}
