using System.Diagnostics;
using Microsoft.Extensions.Options;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Hosting.Shutdown;

/// <summary>
/// Graceful shutdown, in two phases within one deadline (<c>PeerRooms:ShutdownTimeoutSeconds</c>, also
/// HostOptions.ShutdownTimeout):
/// <list type="number">
/// <item><b>While clients are connected</b> — inside IHostApplicationLifetime.ApplicationStopping (the
/// first thing SIGTERM triggers): readiness fails and new hub connections are refused at once; after
/// <c>PeerRooms:ShutdownDrainDelaySeconds</c> (skipped when the node holds no connection; time for the
/// load balancer to notice) the <see cref="IDrainStep"/>s with Order ≤ 0 run, among them
/// <see cref="ClientReconnectStep"/>. This phase must finish inside the ApplicationStopping callback:
/// SignalR closes every connection in its own ApplicationStopping callback, which was registered
/// earlier and so runs after ours (cancellation callbacks run last-registered first). Kestrel keeps
/// listening meanwhile, because the host's stopping phase (<see cref="StoppingAsync"/>) awaits it too.</item>
/// <item><b>After the connections closed</b> — in the host's stopping phase: steps with Order &gt; 0
/// (in-flight pages, outbox flush, ...).</item>
/// </list>
/// </summary>
public sealed class ShutdownCoordinator(
    IHostApplicationLifetime lifetime,
    ShutdownState state,
    NodeConnections connections,
    IEnumerable<IDrainStep> steps,
    IOptions<PeerRoomsOptions> options,
    NodeIdentity node,
    ILogger<ShutdownCoordinator> logger) : IHostedLifecycleService
{
    // Wall-clock on purpose: shutdown deadlines are real time even where tests fake the app's TimeProvider.
    private static readonly TimeProvider Clock = TimeProvider.System;
    private readonly IDrainStep[] _steps = [.. steps.OrderBy(s => s.Order)];
    private readonly object _gate = new();
    private Task? _whileConnected;
    private Task? _afterClose;
    private CancellationTokenSource? _deadline;
    private long _started;
    private CancellationTokenRegistration _registration;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Registered after SignalR's handler (its connection manager exists once hubs are mapped), so it runs first.
        _registration = lifetime.ApplicationStopping.Register(OnApplicationStopping);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Idempotent: a host may be stopped more than once (e.g. stop, then dispose).
        lock (_gate)
        {
            return _afterClose ??= DrainAfterCloseAsync(cancellationToken);
        }
    }

    private async Task DrainAfterCloseAsync(CancellationToken cancellationToken)
    {
        await BeginDrain();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline!.Token);
        await RunStepsAsync(_steps.Where(s => s.Order > 0), linked.Token);
        OpsLog.ShutdownDrained(logger, node.NodeId, (long)Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
    }

    private void OnApplicationStopping()
    {
        state.MarkStopping();
        // Blocks this callback (and so SignalR's close of every connection) until clients were told; bounded by the deadline.
        try { BeginDrain().GetAwaiter().GetResult(); }
        catch (Exception ex) { OpsLog.DrainStepFailed(logger, "while-connected", ex.GetType().Name); }
    }

    private Task BeginDrain()
    {
        lock (_gate)
        {
            return _whileConnected ??= Task.Run(DrainWhileConnectedAsync);
        }
    }

    private async Task DrainWhileConnectedAsync()
    {
        state.MarkStopping();
        var o = options.Value;
        _started = Stopwatch.GetTimestamp();
        _deadline = new CancellationTokenSource(TimeSpan.FromSeconds(o.ShutdownTimeoutSeconds), Clock);
        OpsLog.ShutdownStarted(logger, node.NodeId, o.ShutdownTimeoutSeconds);
        if (connections.Count > 0 && o.ShutdownDrainDelaySeconds > 0)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(o.ShutdownDrainDelaySeconds), Clock, _deadline.Token); }
            catch (OperationCanceledException) { }
        }
        await RunStepsAsync(_steps.Where(s => s.Order <= 0), _deadline.Token);
    }

    private async Task RunStepsAsync(IEnumerable<IDrainStep> selected, CancellationToken deadline)
    {
        foreach (var step in selected)
        {
            if (deadline.IsCancellationRequested)
            {
                OpsLog.DrainStepTimedOut(logger, step.Name);
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            try
            {
                await step.DrainAsync(deadline);
                OpsLog.DrainStepFinished(logger, step.Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                OpsLog.DrainStepTimedOut(logger, step.Name);
            }
            catch (Exception ex)
            {
                OpsLog.DrainStepFailed(logger, step.Name, ex.GetType().Name);
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        _deadline?.Dispose();
        return Task.CompletedTask;
    }
}
