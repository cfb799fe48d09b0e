namespace PeerRooms.Server.Hosting;

/// <summary><c>PeerRooms:Metrics</c>: the Prometheus scrape endpoint and who may read it.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve Prometheus metrics. The endpoint carries counts only (no personal data), but
    /// reveals activity levels, so restrict it with <see cref="Port"/> and/or <see cref="AllowedNetworks"/>.</summary>
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>When set, the endpoint answers only on this local port (add it to ASPNETCORE_URLS and keep it off the load balancer); 404 elsewhere.</summary>
    public int? Port { get; set; }

    /// <summary>When non-empty, only callers from these networks (CIDR, e.g. <c>10.0.0.0/8</c>, <c>127.0.0.1/32</c>) may scrape; 403 otherwise.</summary>
    public string[] AllowedNetworks { get; set; } = [];
}

/// <summary><c>PeerRooms:Telemetry</c>: OpenTelemetry export of metrics and traces over OTLP.</summary>
public sealed class TelemetryOptions
{
    /// <summary>OTLP collector endpoint, e.g. <c>http://otel-collector:4317</c>. When neither this nor
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, nothing is exported over OTLP and no traces are recorded.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default, port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>service.name of the exported resource.</summary>
    public string ServiceName { get; set; } = "peerrooms";

    /// <summary>Fraction of traces recorded (parent-based), 0-1.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;
}
