using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.ScaleOut;

/// <summary>
/// Adds and prunes this node's rooms in its lease. Both go through one gate, so pruning (which
/// removes rooms that hold no local connection) can never remove a room a concurrent join has just
/// recorded: the join either registered before the prune looked, or records after it.
/// </summary>
public sealed class RoomLeaseRecorder(INodeLeaseStore leases, LocalConnections local, NodeIdentity node)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RecordAsync(string roomId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { await leases.AddRoomAsync(node.NodeId, roomId, ct); }
        finally { _gate.Release(); }
    }

    /// <summary>Drops rooms from the lease that this node holds no connection in anymore.</summary>
    public async Task PruneAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var held = local.Rooms.ToHashSet(StringComparer.Ordinal);
            var recorded = await leases.RoomsAsync(node.NodeId, ct);
            await leases.RemoveRoomsAsync(node.NodeId, recorded.Where(r => !held.Contains(r)).ToArray(), ct);
        }
        finally { _gate.Release(); }
    }
}
