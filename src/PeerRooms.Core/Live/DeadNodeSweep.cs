namespace PeerRooms.Core.Live;

/// <summary>A participant who left because the node holding their last connection died.</summary>
public sealed record SweptDeparture(string RoomId, string NodeId, Participant Participant);

/// <summary>
/// The sweep rule: a node whose lease ended before now is dead; every connection it held is
/// removed from the rooms it recorded, and participants with no connection left on a live node
/// leave. Presence is per user, so someone also connected through a live node stays. Safe to run on
/// every node at once: the presence store removes each connection once and reports each departure
/// to exactly one sweeper, so ParticipantLeft is broadcast once.
/// </summary>
public sealed class DeadNodeSweep(INodeLeaseStore leases, IPresenceStore presence, TimeProvider time)
{
    /// <summary>Sweeps every dead node other than <paramref name="selfNodeId"/>.</summary>
    public async Task<IReadOnlyList<SweptDeparture>> SweepAsync(string selfNodeId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var departures = new List<SweptDeparture>();
        foreach (var nodeId in await leases.ExpiredAsync(now, ct))
        {
            if (nodeId == selfNodeId) continue; // a node never sweeps itself while running
            departures.AddRange(await SweepNodeAsync(nodeId, ct));
            await leases.ForgetAsync(nodeId, now, ct);
        }
        return departures;
    }

    /// <summary>
    /// Removes every connection <paramref name="nodeId"/> recorded. Also used by a node at start-up
    /// for its own (configured, stable) id: whatever a previous process with that id left is stale.
    /// </summary>
    public async Task<IReadOnlyList<SweptDeparture>> SweepNodeAsync(string nodeId, CancellationToken ct = default)
    {
        var departures = new List<SweptDeparture>();
        foreach (var roomId in await leases.RoomsAsync(nodeId, ct))
        {
            foreach (var participant in await presence.RemoveNodeConnectionsAsync(roomId, nodeId, ct))
                departures.Add(new SweptDeparture(roomId, nodeId, participant));
        }
        return departures;
    }
}
