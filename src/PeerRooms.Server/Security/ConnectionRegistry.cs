using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace PeerRooms.Server.Security;

/// <summary>
/// The hub connections this node holds, by user id, for every hub. It enforces the per-user,
/// per-node connection limit atomically (a user opening many tabs at once cannot race past it) and
/// lets the node abort all of a user's connections when an admin disconnects them.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, Dictionary<string, HubCallerContext>> _byUser = new(StringComparer.Ordinal);

    /// <summary>Adds the connection unless the user already holds <paramref name="max"/>; returns false (and adds nothing) then.</summary>
    public bool TryAdd(string userId, HubCallerContext connection, int max, out int count)
    {
        while (true)
        {
            var set = _byUser.GetOrAdd(userId, static _ => new Dictionary<string, HubCallerContext>(StringComparer.Ordinal));
            lock (set)
            {
                // A set removed concurrently by Remove is stale: retry with the live one.
                if (!_byUser.TryGetValue(userId, out var live) || !ReferenceEquals(live, set)) continue;
                count = set.Count;
                if (set.Count >= max) return false;
                set[connection.ConnectionId] = connection;
                count = set.Count;
                return true;
            }
        }
    }

    public void Remove(string userId, string connectionId)
    {
        if (!_byUser.TryGetValue(userId, out var set)) return;
        lock (set)
        {
            set.Remove(connectionId);
            if (set.Count == 0) _byUser.TryRemove(new KeyValuePair<string, Dictionary<string, HubCallerContext>>(userId, set));
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
        lock (set) connections = [.. set.Values];
        foreach (var connection in connections) connection.Abort();
        return connections.Length;
    }
}
