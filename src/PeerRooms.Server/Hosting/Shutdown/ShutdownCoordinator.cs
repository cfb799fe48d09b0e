using System.Diagnostics;
using Microsoft.Extensions.Options;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hosting.Shutdown;

/// <summary>
/// Graceful shutdown. On SIGTERM (IHostApplicationLifetime.ApplicationStopping) readiness fails at
/// once and new hub connections are refused; after <c>PeerRooms:ShutdownDrainDelaySeconds</c> (time for
/// the load balancer to notice) every <see cref="IDrainStep"/> runs in order, the whole bounded by
/// <c>PeerRooms:ShutdownTimeoutSeconds</c> (HostOptions.ShutdownTimeout). It runs in the hosted-service
/// "stopping" phase, before Kestrel stops, so clients can still be told where to go.
/// </summary>
public sealed class ShutdownCoordinator(
    IHostApplicationLifetime lifetime,
    ShutdownState state,
    IEnumerable<IDrainStep> steps,
    IOptions<PeerRoomsOptions> options,
    NodeIdentity node,
    TimeProvider time,
    ILogger<ShutdownCoordinator> logger) : IHostedLifecycleService
{
    private readonly IDrainStep[] _steps = [.. steps.OrderBy(s => s.Order)];
    private CancellationTokenRegistration _registration;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(state.MarkStopping);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.MarkStopping();
        var o = options.Value;
        var started = Stopwatch.GetTimestamp();
        OpsLog.ShutdownStarted(logger, node.NodeId, o.ShutdownTimeoutSeconds);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(o.ShutdownDrainDelaySeconds), time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        foreach (var step in _steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                OpsLog.DrainStepTimedOut(logger, step.Name);
                continue;
            }
            var stepStarted = Stopwatch.GetTimestamp();
            try
            {
                await step.DrainAsync(cancellationToken);
                OpsLog.DrainStepFinished(logger, step.Name, (long)Stopwatch.GetElapsedTime(stepStarted).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                OpsLog.DrainStepTimedOut(logger, step.Name);
            }
            catch (Exception ex)
            {
                OpsLog.DrainStepFailed(logger, step.Name, ex.GetType().Name);
            }
        }
        OpsLog.ShutdownDrained(logger, node.NodeId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }
}
