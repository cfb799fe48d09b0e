using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace PeerRooms.Server.Hosting.Shutdown;

/// <summary>The hub connections this node holds (kept by <see cref="Filters.ConnectionTrackingFilter"/>), so a stopping node can reach and close each one. (ScaleOut.LocalConnections tracks room membership for leases; this tracks the connections themselves.)</summary>
public sealed class HubConnectionRegistry
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);
    private TaskCompletionSource _empty = NewEmptySignal(completed: true);

    public int Count => _connections.Count;

    public IReadOnlyCollection<HubCallerContext> Snapshot() => _connections.Values.ToArray();

    public void Add(HubCallerContext context)
    {
        lock (_connections)
        {
            _connections[context.ConnectionId] = context;
            if (_empty.Task.IsCompleted) _empty = NewEmptySignal(completed: false);
        }
    }

    public void Remove(string connectionId)
    {
        lock (_connections)
        {
            _connections.TryRemove(connectionId, out _);
            if (_connections.IsEmpty) _empty.TrySetResult();
        }
    }

    /// <summary>Completes when no connection is left (or the token fires).</summary>
    public Task WhenEmptyAsync(CancellationToken ct)
    {
        lock (_connections) return _empty.Task.WaitAsync(ct);
    }

    private static TaskCompletionSource NewEmptySignal(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed) tcs.SetResult();
        return tcs;
    }
}
