using PeerRooms.Core.Live;

namespace PeerRooms.Server.State;

/// <summary>
/// Node leases in one process: for tests of the sweep rule. A single node never needs leases
/// (its connections die with it), so production uses <see cref="Redis.RedisNodeLeaseStore"/> only.
/// </summary>
public sealed class InMemoryNodeLeaseStore : INodeLeaseStore
{
    private readonly Dictionary<string, DateTimeOffset> _expires = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _rooms = new(StringComparer.Ordinal);

    public Task<bool> RenewAsync(string nodeId, IReadOnlyCollection<string> rooms, DateTimeOffset now, TimeSpan ttl, CancellationToken ct = default)
    {
        lock (_expires)
        {
            var wasAlive = _expires.TryGetValue(nodeId, out var previous) && previous >= now;
            _expires[nodeId] = now + ttl;
            RoomsOf(nodeId).UnionWith(rooms);
            return Task.FromResult(wasAlive);
        }
    }

    public Task AddRoomAsync(string nodeId, string roomId, CancellationToken ct = default)
    {
        lock (_expires) RoomsOf(nodeId).Add(roomId);
        return Task.CompletedTask;
    }

    public Task RemoveRoomsAsync(string nodeId, IReadOnlyCollection<string> roomIds, CancellationToken ct = default)
    {
        lock (_expires) RoomsOf(nodeId).ExceptWith(roomIds);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> RoomsAsync(string nodeId, CancellationToken ct = default)
    {
        lock (_expires) return Task.FromResult<IReadOnlyList<string>>(RoomsOf(nodeId).Order(StringComparer.Ordinal).ToArray());
    }

    public Task<IReadOnlyList<string>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_expires)
            return Task.FromResult<IReadOnlyList<string>>(_expires.Where(e => e.Value < now).Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
    }

    public Task<bool> ForgetAsync(string nodeId, DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_expires)
        {
            if (!_expires.TryGetValue(nodeId, out var expires) || expires >= now) return Task.FromResult(false);
            _expires.Remove(nodeId);
            _rooms.Remove(nodeId);
            return Task.FromResult(true);
        }
    }

    private HashSet<string> RoomsOf(string nodeId)
    {
        if (!_rooms.TryGetValue(nodeId, out var set)) _rooms[nodeId] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }
}
