using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Security;

/// <summary>
/// Per-user sliding-window limits (<see cref="SlidingWindowCounters"/>), one entry per user holding
/// all of that user's limits, shared by all of their connections on this node. Refusals never queue:
/// an abusive client gets <c>rate_limited</c> at once and costs the node almost nothing. Idle entries
/// are dropped after their longest window. (Not System.Threading.RateLimiting's partitioned limiter:
/// it keeps a limiter object per user and limit and walks all of them every 100 ms, which at 10,000
/// idle users cost about 3 KB per connection and a steady slice of a core.)
/// </summary>
public sealed class UserRateLimits : IDisposable
{
    /// <summary>The limits in counter order (their index in <see cref="_counters"/>).</summary>
    private static readonly string[] Names = [SecurityLimits.Messages, SecurityLimits.Calls, SecurityLimits.Joins];

    private readonly SlidingWindowCounters _counters;
    private readonly (int Permits, TimeSpan Window)[] _described;

    public UserRateLimits(IOptions<PeerRoomsOptions> options)
    {
        var l = options.Value.Limits;
        _described =
        [
            (l.MessagesPerWindow, TimeSpan.FromSeconds(l.MessageWindowSeconds)),
            (l.CallsPerWindow, TimeSpan.FromSeconds(l.CallWindowSeconds)),
            (l.JoinAttemptsPerMinute, TimeSpan.FromMinutes(1)),
        ];
        _counters = new SlidingWindowCounters([.. _described.Select(d => new SlidingWindowLimit(d.Permits, d.Window, SegmentsFor(d.Window)))]);
    }

    /// <summary>Takes one permit for <paramref name="userId"/> from <paramref name="limit"/> (one of <see cref="SecurityLimits"/>).</summary>
    public bool TryAcquire(string limit, string userId) => _counters.TryAcquire(userId, [IndexOf(limit)]) < 0;

    /// <summary>
    /// Takes one permit of each of <paramref name="limits"/> and then of <c>calls</c>, in that order, in one
    /// step for <paramref name="userId"/> (what every hub call does). Returns null when all were granted,
    /// otherwise the first limit that refused; nothing is taken from it or from the ones after it.
    /// </summary>
    public string? TryAcquireWithCalls(IReadOnlyList<string> limits, string userId)
    {
        Span<int> order = stackalloc int[limits.Count + 1];
        for (var i = 0; i < limits.Count; i++) order[i] = IndexOf(limits[i]);
        order[limits.Count] = IndexOf(SecurityLimits.Calls);
        var refused = _counters.TryAcquire(userId, order);
        return refused < 0 ? null : Names[refused];
    }

    public (int Permits, TimeSpan Window) Describe(string limit) => _described[IndexOf(limit)];

    public bool IsKnown(string limit) => Array.IndexOf(Names, limit) >= 0;

    private static int IndexOf(string limit)
    {
        var index = Array.IndexOf(Names, limit);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(limit), limit, "unknown limit");
    }

    private static int SegmentsFor(TimeSpan window) => window.TotalSeconds >= 10 ? 10 : Math.Max(1, (int)window.TotalSeconds);

    public void Dispose() => _counters.Dispose();
}
