using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Security;

/// <summary>
/// Per-user sliding-window limits (<see cref="SlidingWindowCounters"/>), one counter per user and
/// limit, shared by all of that user's connections on this node. Refusals never queue: an abusive
/// client gets <c>rate_limited</c> at once and costs the node almost nothing. Idle counters are
/// dropped after a window. (Not System.Threading.RateLimiting's partitioned limiter: it keeps a
/// limiter object per user and limit and walks all of them every 100 ms, which at 10,000 idle
/// users cost about 3 KB per connection and a steady slice of a core.)
/// </summary>
public sealed class UserRateLimits : IDisposable
{
    private readonly Dictionary<string, (SlidingWindowCounters Counters, int Permits, TimeSpan Window)> _limits;

    public UserRateLimits(IOptions<PeerRoomsOptions> options)
    {
        var l = options.Value.Limits;
        _limits = new(StringComparer.Ordinal)
        {
            [SecurityLimits.Messages] = Create(l.MessagesPerWindow, TimeSpan.FromSeconds(l.MessageWindowSeconds)),
            [SecurityLimits.Calls] = Create(l.CallsPerWindow, TimeSpan.FromSeconds(l.CallWindowSeconds)),
            [SecurityLimits.Joins] = Create(l.JoinAttemptsPerMinute, TimeSpan.FromMinutes(1)),
        };
    }

    /// <summary>Takes one permit for <paramref name="userId"/> from <paramref name="limit"/> (one of <see cref="SecurityLimits"/>).</summary>
    public bool TryAcquire(string limit, string userId)
        => _limits[limit].Counters.TryAcquire(userId);

    public (int Permits, TimeSpan Window) Describe(string limit) => (_limits[limit].Permits, _limits[limit].Window);

    public bool IsKnown(string limit) => _limits.ContainsKey(limit);

    private static (SlidingWindowCounters, int, TimeSpan) Create(int permits, TimeSpan window)
        => (new SlidingWindowCounters(permits, window, segments: window.TotalSeconds >= 10 ? 10 : Math.Max(1, (int)window.TotalSeconds)), permits, window);

    public void Dispose()
    {
        foreach (var (counters, _, _) in _limits.Values) counters.Dispose();
    }
}
