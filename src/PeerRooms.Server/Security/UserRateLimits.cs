using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Security;

/// <summary>
/// Per-user sliding-window limiters (System.Threading.RateLimiting), one partition per user and
/// limit, shared by all of that user's connections on this node. Refusals never queue: an abusive
/// client gets <c>rate_limited</c> at once and costs the node almost nothing. Idle partitions are
/// dropped by the partitioned limiter itself.
/// </summary>
public sealed class UserRateLimits : IDisposable
{
    private readonly Dictionary<string, (PartitionedRateLimiter<string> Limiter, int Permits, TimeSpan Window)> _limits;

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
    {
        using var lease = _limits[limit].Limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public (int Permits, TimeSpan Window) Describe(string limit) => (_limits[limit].Permits, _limits[limit].Window);

    public bool IsKnown(string limit) => _limits.ContainsKey(limit);

    private static (PartitionedRateLimiter<string>, int, TimeSpan) Create(int permits, TimeSpan window)
    {
        var limiter = PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetSlidingWindowLimiter(userId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = window.TotalSeconds >= 10 ? 10 : Math.Max(1, (int)window.TotalSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);
        return (limiter, permits, window);
    }

    public void Dispose()
    {
        foreach (var (limiter, _, _) in _limits.Values) limiter.Dispose();
    }
}
