using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Hosting;

/// <summary>
/// Metrics and traces through OpenTelemetry: PeerRooms' own meter and activity source, ASP.NET Core
/// (HTTP, Kestrel, SignalR connections) and runtime metrics. Metrics are scraped at
/// <c>PeerRooms:Metrics:Path</c> (Prometheus) and pushed over OTLP when an endpoint is configured;
/// traces are recorded only when OTLP is configured (nothing would read them otherwise).
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>ASP.NET Core's per-buffer memory-pool meter, which PeerRooms does not export (see <see cref="AddPeerRoomsTelemetry"/>).</summary>
    public const string KestrelMemoryPoolMeter = "Microsoft.AspNetCore.MemoryPool";

    public static IServiceCollection AddPeerRoomsTelemetry(this IServiceCollection services, PeerRoomsOptions options, NodeIdentity node, IConfiguration config)
    {
        services.AddSingleton<PeerRoomsMetrics>();
        var telemetry = options.Telemetry;
        var otlp = OtlpEndpoint(options, config);

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName, serviceInstanceId: node.NodeId));
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(PeerRoomsMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                // Kestrel's memory-pool meter counts every buffer rented and returned: with a listener
                // that is several metric updates per frame sent to each connection (about 1 % of a
                // saturated node's CPU at 100,000 deliveries/s). Dropped, so the meter is never
                // enabled; the pool's size still shows in the runtime's heap metrics.
                .AddView(instrument => instrument.Meter.Name == KestrelMemoryPoolMeter ? MetricStreamConfiguration.Drop : null);
            if (options.Metrics.Enabled) metrics.AddPrometheusExporter();
            if (otlp is not null) metrics.AddOtlpExporter(o => ConfigureOtlp(o, telemetry, otlp, "v1/metrics"));
        });
        if (otlp is not null)
        {
            otel.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(telemetry.TraceSampleRatio)))
                .AddSource(PeerRoomsActivities.SourceName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = ctx => !IsOperationsPath(ctx.Request.Path, options.Metrics.Path);
                    // The query string may carry the hub access token: never export it.
                    o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddOtlpExporter(o => ConfigureOtlp(o, telemetry, otlp, "v1/traces")));
        }
        return services;
    }

    /// <summary>
    /// Meters feature services registered before this call (one line in AddPeerRooms, after the
    /// features): moderation actions, sessions and lobby moves through the audit log.
    /// </summary>
    public static IServiceCollection AddPeerRoomsFeatureMetrics(this IServiceCollection services)
        => services.Decorate<Core.Moderation.IAuditLog>((inner, sp) => new MeteredAuditLog(inner, sp.GetRequiredService<PeerRoomsMetrics>()));

    /// <summary>Maps the Prometheus scrape endpoint, restricted to <c>PeerRooms:Metrics:Port</c> / <c>AllowedNetworks</c> when set.</summary>
    public static WebApplication MapPeerRoomsMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PeerRoomsOptions>>().Value;
        if (app.Services.GetService<State.Redis.RedisConnection>() is { } redis)
            app.Services.GetRequiredService<PeerRoomsMetrics>().ObserveRedisConnection(() => redis.IsConnected);
        var m = options.Metrics;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PeerRooms.Operations");
        var otlp = OtlpEndpoint(options, app.Configuration) is null ? "off" : "on";
        if (!m.Enabled)
        {
            OpsLog.TelemetryConfigured(logger, "(disabled)", "none", otlp);
            return app;
        }
        var networks = m.AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToArray();
        app.MapPrometheusScrapingEndpoint(m.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (ctx, next) =>
        {
            if (m.Port is { } port && ctx.Connection.LocalPort != port)
            {
                OpsLog.MetricsScrapeRefused(logger, "port");
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (networks.Length > 0 && !IsAllowed(ctx.Connection.RemoteIpAddress, networks))
            {
                OpsLog.MetricsScrapeRefused(logger, "network");
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(ctx);
        }), optionsName: null).AllowAnonymous();
        var restriction = (m.Port, networks.Length) switch
        {
            (null, 0) => "open to any caller",
            ({ } p, 0) => $"port {p} only",
            (null, _) => $"{networks.Length} allowed network(s)",
            ({ } p, _) => $"port {p} and {networks.Length} allowed network(s)",
        };
        OpsLog.TelemetryConfigured(logger, m.Path, restriction, otlp);
        if (m.Port is { } metricsPort) WarnWhenNotListening(app, metricsPort, logger);
        return app;
    }

    /// <summary>A metrics port the server does not listen on is a silent misconfiguration: say so once started.</summary>
    private static void WarnWhenNotListening(WebApplication app, int port, ILogger logger)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            var listening = addresses.Any(a => Uri.TryCreate(a.Replace("*", "localhost").Replace("+", "localhost"), UriKind.Absolute, out var uri) && uri.Port == port);
            if (!listening) OpsLog.MetricsPortNotListening(logger, port);
        });
    }

    private static string? OtlpEndpoint(PeerRoomsOptions options, IConfiguration config)
    {
        var endpoint = options.Telemetry.OtlpEndpoint;
        if (string.IsNullOrWhiteSpace(endpoint)) endpoint = config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return string.IsNullOrWhiteSpace(endpoint) ? null : endpoint;
    }

    private static void ConfigureOtlp(OtlpExporterOptions o, TelemetryOptions telemetry, string endpoint, string signalPath)
    {
        if (telemetry.OtlpProtocol == "http/protobuf")
        {
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            // An explicit endpoint is used as-is for HTTP, so add the signal's path.
            o.Endpoint = new Uri(endpoint.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            o.Protocol = OtlpExportProtocol.Grpc;
            o.Endpoint = new Uri(endpoint);
        }
    }

    private static bool IsOperationsPath(PathString path, string metricsPath)
        => path.StartsWithSegments(metricsPath) || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    private static bool IsAllowed(IPAddress? address, IPNetwork[] networks)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var n in networks) if (n.Contains(address)) return true;
        return false;
    }
}
