namespace PeerRooms.Server.Http;

/// <summary>A dependency that must answer for this node to be ready (database, Redis, ...).</summary>
public interface IReadinessCheck
{
    string Name { get; }
    /// <summary>Null when healthy, otherwise a short reason (no secrets).</summary>
    Task<string?> CheckAsync(CancellationToken ct);
}

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: every configured dependency answers.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" })).AllowAnonymous().WithTags("health");
        app.MapGet("/readyz", async (IEnumerable<IReadinessCheck> checks, CancellationToken ct) =>
        {
            var results = await Task.WhenAll(checks.Select(async c =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                try { return (c.Name, Reason: await c.CheckAsync(timeout.Token)); }
                catch (Exception ex) { return (c.Name, Reason: (string?)ex.GetType().Name); }
            }));
            var failing = results.Where(r => r.Reason is not null).ToDictionary(r => r.Name, r => r.Reason);
            return failing.Count == 0
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "unavailable", reasons = failing }, statusCode: 503);
        }).AllowAnonymous().WithTags("health");
        return app;
    }
}
