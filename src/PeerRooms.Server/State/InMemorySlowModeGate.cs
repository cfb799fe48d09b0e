using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.State;

/// <summary>Slow mode's last-send times for a single node.</summary>
public sealed class InMemorySlowModeGate : ISlowModeGate
{
    private readonly Dictionary<(string Room, string User), DateTimeOffset> _last = new();

    public Task<TimeSpan?> TryPassAsync(string roomId, string userId, DateTimeOffset now, TimeSpan window, CancellationToken ct = default)
    {
        lock (_last)
        {
            if (_last.TryGetValue((roomId, userId), out var last) && now - last < window)
                return Task.FromResult<TimeSpan?>(window - (now - last));
            _last[(roomId, userId)] = now;
            return Task.FromResult<TimeSpan?>(null);
        }
    }

    public Task ClearAsync(string roomId, CancellationToken ct = default)
    {
        lock (_last)
        {
            foreach (var key in _last.Keys.Where(k => k.Room == roomId).ToArray()) _last.Remove(key);
        }
        return Task.CompletedTask;
    }
}
