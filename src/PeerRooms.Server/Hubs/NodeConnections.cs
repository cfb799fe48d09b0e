using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The hub connections this node holds, for every hub: the one registry that admission, admin
/// disconnect and graceful shutdown share. Guarantees:
/// <list type="bullet">
/// <item>The per-user, per-node connection limit is enforced atomically (<see cref="TryAdmit"/>): a
/// user opening many tabs at once cannot race past it.</item>
/// <item>A user's slot is released as soon as their disconnect starts (<see cref="ReleaseUserSlot"/>),
/// so a tab that reconnects at once is not refused; the connection itself stays listed until its
/// disconnect handlers (presence leave, roster events) have run (<see cref="Remove"/>), so a stopping
/// node that waits for <see cref="WhenEmptyAsync"/> has really let every leave happen.</item>
/// </list>
/// Kept by <see cref="Filters.ConnectionGuardFilter"/> (admission) and
/// <see cref="Filters.ConnectionTrackingFilter"/> (removal after the disconnect pipeline).
/// </summary>
public sealed class NodeConnections
{
    private readonly ConcurrentDictionary<string, UserConnections> _byUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HubCallerContext> _all = new(StringComparer.Ordinal);
    private readonly Lock _emptyGate = new();
    private TaskCompletionSource _empty = NewEmptySignal(completed: true);

    /// <summary>How many connections this node holds (including ones whose disconnect is still running).</summary>
    public int Count => _all.Count;

    public IReadOnlyCollection<HubCallerContext> Snapshot() => _all.Values.ToArray();

    /// <summary>Admits the connection unless the user already holds <paramref name="max"/> here; returns false (and adds nothing) then.</summary>
    public bool TryAdmit(string userId, HubCallerContext connection, int max, out int count)
    {
        while (true)
        {
            var set = _byUser.GetOrAdd(userId, static _ => new UserConnections());
            lock (set)
            {
                // A set removed concurrently by ReleaseUserSlot is stale: retry with the live one.
                if (!_byUser.TryGetValue(userId, out var live) || !ReferenceEquals(live, set)) continue;
                count = set.Count;
                if (set.Count >= max) return false;
                set.Add(connection);
                count = set.Count;
            }
            lock (_emptyGate)
            {
                _all[connection.ConnectionId] = connection;
                if (_empty.Task.IsCompleted) _empty = NewEmptySignal(completed: false);
            }
            return true;
        }
    }

    /// <summary>Frees the user's slot for this connection (its disconnect has started or its admission failed).</summary>
    public void ReleaseUserSlot(string userId, string connectionId)
    {
        if (!_byUser.TryGetValue(userId, out var set)) return;
        lock (set)
        {
            set.Remove(connectionId);
            if (set.Count == 0) _byUser.TryRemove(new KeyValuePair<string, UserConnections>(userId, set));
        }
    }

    /// <summary>Forgets the connection entirely (its disconnect handlers have finished, or it was never admitted).</summary>
    public void Remove(string connectionId)
    {
        lock (_emptyGate)
        {
            _all.TryRemove(connectionId, out _);
            if (_all.IsEmpty) _empty.TrySetResult();
        }
    }

    public int CountFor(string userId)
    {
        if (!_byUser.TryGetValue(userId, out var set)) return 0;
        lock (set) return set.Count;
    }

    /// <summary>Aborts every connection of the user on this node; returns how many. Their OnDisconnected runs as usual.</summary>
    public int AbortAll(string userId)
    {
        if (!_byUser.TryGetValue(userId, out var set)) return 0;
        HubCallerContext[] connections;
        lock (set) connections = set.Snapshot();
        foreach (var connection in connections) connection.Abort();
        return connections.Length;
    }

    /// <summary>Completes when no connection is left (or the token fires).</summary>
    public Task WhenEmptyAsync(CancellationToken ct)
    {
        lock (_emptyGate) return _empty.Task.WaitAsync(ct);
    }

    private static TaskCompletionSource NewEmptySignal(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed) tcs.SetResult();
        return tcs;
    }

    /// <summary>
    /// One user's connections on this node: usually one, so a plain array (guarded by locking the
    /// instance) rather than a dictionary, about 0.15 KB less per connection.
    /// </summary>
    private sealed class UserConnections
    {
        private HubCallerContext[] _items = [];

        public int Count => _items.Length;

        public void Add(HubCallerContext connection)
        {
            Remove(connection.ConnectionId);
            _items = [.. _items, connection];
        }

        public void Remove(string connectionId)
        {
            var index = Array.FindIndex(_items, c => c.ConnectionId == connectionId);
            if (index >= 0) _items = [.. _items.AsSpan(0, index), .. _items.AsSpan(index + 1)];
        }

        public HubCallerContext[] Snapshot() => _items;
    }
}
