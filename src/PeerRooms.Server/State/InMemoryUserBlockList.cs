using System.Collections.Concurrent;
using PeerRooms.Core.Security;

namespace PeerRooms.Server.State;

/// <summary>Blocks kept in this process (single node; forgotten on restart).</summary>
public sealed class InMemoryUserBlockList(TimeProvider time) : IUserBlockList
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    public Task BlockAsync(string userId, DateTimeOffset until, CancellationToken ct = default)
    {
        _until[userId] = until;
        return Task.CompletedTask;
    }

    public Task UnblockAsync(string userId, CancellationToken ct = default)
    {
        _until.TryRemove(userId, out _);
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetBlockedUntilAsync(string userId, CancellationToken ct = default)
    {
        if (!_until.TryGetValue(userId, out var until)) return Task.FromResult<DateTimeOffset?>(null);
        if (until > time.GetUtcNow()) return Task.FromResult<DateTimeOffset?>(until);
        _until.TryRemove(new KeyValuePair<string, DateTimeOffset>(userId, until));
        return Task.FromResult<DateTimeOffset?>(null);
    }
}
