namespace PeerRooms.Server.Logging;

/// <summary>Operations log lines (event ids 7000-7999): telemetry, draining, shutdown. Ids, counts and durations only.</summary>
public static partial class OpsLog
{
    [LoggerMessage(7001, LogLevel.Information, "Metrics at {Path} ({Restriction}); OTLP export {OtlpState}")]
    public static partial void TelemetryConfigured(ILogger logger, string path, string restriction, string otlpState);

    [LoggerMessage(7002, LogLevel.Debug, "Metrics scrape refused for a caller outside PeerRooms:Metrics ({Reason})")]
    public static partial void MetricsScrapeRefused(ILogger logger, string reason);

    [LoggerMessage(7003, LogLevel.Warning, "PeerRooms:Metrics:Port is {Port} but the server does not listen on it; add it to ASPNETCORE_URLS or metrics cannot be scraped")]
    public static partial void MetricsPortNotListening(ILogger logger, int port);

    [LoggerMessage(7100, LogLevel.Warning, "Node {NodeId} is shutting down: readiness now fails, draining within {TimeoutSeconds}s")]
    public static partial void ShutdownStarted(ILogger logger, string nodeId, int timeoutSeconds);

    [LoggerMessage(7101, LogLevel.Information, "Told {Connections} connection(s) to reconnect elsewhere")]
    public static partial void ConnectionsToldToReconnect(ILogger logger, int connections);

    [LoggerMessage(7102, LogLevel.Information, "Drain step {Step} finished in {ElapsedMs} ms")]
    public static partial void DrainStepFinished(ILogger logger, string step, long elapsedMs);

    [LoggerMessage(7103, LogLevel.Error, "Drain step {Step} failed with {ExceptionType}")]
    public static partial void DrainStepFailed(ILogger logger, string step, string exceptionType);

    [LoggerMessage(7104, LogLevel.Warning, "Drain step {Step} did not finish before the shutdown deadline")]
    public static partial void DrainStepTimedOut(ILogger logger, string step);

    [LoggerMessage(7105, LogLevel.Information, "Node {NodeId} drained in {ElapsedMs} ms")]
    public static partial void ShutdownDrained(ILogger logger, string nodeId, long elapsedMs);
}
