namespace PeerRooms.Server.Hosting.Shutdown;

/// <summary>
/// Whether this node is stopping. Flipped synchronously by IHostApplicationLifetime.ApplicationStopping
/// (the first thing that happens on SIGTERM), so readiness fails and new hub connections are refused
/// from that instant, before anything else is drained.
/// </summary>
public sealed class ShutdownState
{
    private readonly CancellationTokenSource _stopping = new();

    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Cancelled when the node starts stopping.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void MarkStopping()
    {
        if (!_stopping.IsCancellationRequested) _stopping.Cancel();
    }
}
