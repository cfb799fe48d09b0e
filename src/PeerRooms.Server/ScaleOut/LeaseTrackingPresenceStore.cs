using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.ScaleOut;

/// <summary>
/// Wraps the shared presence store so this node's lease always covers its connections: a room is
/// recorded in the lease (and <see cref="LocalConnections"/>) before this node's first connection
/// joins it, and released only after the leave was written. A leave that fails because shared
/// state is unreachable is remembered and retried by <see cref="NodeLeaseService"/>, so an outage
/// does not leave ghosts on the roster. Hubs stay unaware of all this.
/// </summary>
public sealed class LeaseTrackingPresenceStore(IPresenceStore inner, LocalConnections local, RoomLeaseRecorder recorder, NodeIdentity node) : IPresenceStore
{
    public async Task<JoinResult> JoinAsync(string roomId, Participant candidate, ConnectionRef connection, int capacity, CancellationToken ct = default)
    {
        if (connection.NodeId != node.NodeId) return await inner.JoinAsync(roomId, candidate, connection, capacity, ct);
        var wasRegistered = local.IsRegistered(roomId, connection.ConnectionId);
        var isNewRoom = local.Register(roomId, connection.ConnectionId, candidate.UserId);
        try
        {
            if (isNewRoom) await recorder.RecordAsync(roomId, ct);
            var joined = await inner.JoinAsync(roomId, candidate, connection, capacity, ct);
            local.Remember(roomId, joined.Participant);
            return joined;
        }
        catch
        {
            // A connection that was already in the room (a repeated join) stays registered.
            if (!wasRegistered) local.Release(roomId, connection.ConnectionId);
            throw;
        }
    }

    public async Task<LeaveResult> LeaveAsync(string roomId, string userId, string connectionId, CancellationToken ct = default)
    {
        try
        {
            var result = await inner.LeaveAsync(roomId, userId, connectionId, ct);
            local.Release(roomId, connectionId);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            local.MarkLeavePending(roomId, connectionId, userId);
            throw;
        }
    }

    public async Task<Participant?> RemoveAsync(string roomId, string userId, CancellationToken ct = default)
    {
        var removed = await inner.RemoveAsync(roomId, userId, ct);
        local.ReleaseUser(roomId, userId);
        return removed;
    }

    public Task<Participant?> GetAsync(string roomId, string userId, CancellationToken ct = default) => inner.GetAsync(roomId, userId, ct);

    public Task<IReadOnlyList<Participant>> GetRosterAsync(string roomId, CancellationToken ct = default) => inner.GetRosterAsync(roomId, ct);

    public Task<IReadOnlyList<ConnectionRef>> GetConnectionsAsync(string roomId, string userId, CancellationToken ct = default)
        => inner.GetConnectionsAsync(roomId, userId, ct);

    public async Task<Participant?> UpdateAsync(string roomId, string userId, Func<Participant, Participant> change, CancellationToken ct = default)
    {
        var updated = await inner.UpdateAsync(roomId, userId, change, ct);
        if (updated is not null) local.Remember(roomId, updated);
        return updated;
    }

    public Task<IReadOnlyList<Participant>> RemoveNodeConnectionsAsync(string roomId, string nodeId, CancellationToken ct = default)
        => inner.RemoveNodeConnectionsAsync(roomId, nodeId, ct);

    public async Task ClearRoomAsync(string roomId, CancellationToken ct = default)
    {
        await inner.ClearRoomAsync(roomId, ct);
        local.ReleaseRoom(roomId);
    }
}
