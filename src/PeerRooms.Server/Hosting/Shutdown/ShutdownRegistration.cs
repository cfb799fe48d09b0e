using PeerRooms.Server.Http;

namespace PeerRooms.Server.Hosting.Shutdown;

/// <summary>Graceful shutdown wiring: the coordinator, readiness, the hub gate and the drain steps.</summary>
public static class ShutdownRegistration
{
    public static IServiceCollection AddPeerRoomsShutdown(this IServiceCollection services, PeerRoomsOptions options)
    {
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        services.AddSingleton<ShutdownState>();
        services.AddSingleton<IReadinessCheck, ShutdownReadinessCheck>();
        services.AddSingleton<IDrainStep, ClientReconnectStep>();
        services.AddHostedService<ShutdownCoordinator>();
        return services;
    }

    /// <summary>While stopping, new hub connections (and long-polling requests) get 503 so clients go elsewhere.</summary>
    public static WebApplication UseShutdownGate(this WebApplication app)
    {
        var state = app.Services.GetRequiredService<ShutdownState>();
        // Synchronous pass-through: an awaiting middleware would hold a state machine per open connection.
        app.Use((ctx, next) =>
        {
            if (state.IsStopping && ctx.Request.Path.StartsWithSegments("/hubs"))
            {
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                ctx.Response.Headers.RetryAfter = "1";
                ctx.Response.Headers.Connection = "close";
                return Task.CompletedTask;
            }
            return next(ctx);
        });
        return app;
    }
}

/// <summary>Not ready from the moment the node starts stopping, so the load balancer drains it.</summary>
public sealed class ShutdownReadinessCheck(ShutdownState state) : IReadinessCheck
{
    public string Name => "shutdown";

    public Task<string?> CheckAsync(CancellationToken ct) => Task.FromResult(state.IsStopping ? "shutting down" : null);
}
