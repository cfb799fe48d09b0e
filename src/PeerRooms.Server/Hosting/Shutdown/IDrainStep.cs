namespace PeerRooms.Server.Hosting.Shutdown;

/// <summary>
/// Work a stopping node must finish before it exits (in-flight pages, an outbox flush, ...). Register
/// with <c>services.AddSingleton&lt;IDrainStep, MyStep&gt;()</c>. On SIGTERM the node first fails
/// readiness, then runs every step in ascending <see cref="Order"/>: steps below 0 run while clients
/// are still connected (e.g. tell facilitators something), <see cref="ClientReconnectStep"/> (order 0)
/// then tells clients to reconnect elsewhere, and steps from 1 on run after the hub connections are
/// closed (e.g. finish in-flight pages, flush the outbox). The token is cancelled at the shutdown deadline
/// (<c>PeerRooms:ShutdownTimeoutSeconds</c>): a step must stop then, leaving durable state consistent,
/// because the process exits right after.
/// </summary>
public interface IDrainStep
{
    /// <summary>A short stable name for logs (no ids).</summary>
    string Name { get; }

    int Order { get; }

    Task DrainAsync(CancellationToken deadline);
}
