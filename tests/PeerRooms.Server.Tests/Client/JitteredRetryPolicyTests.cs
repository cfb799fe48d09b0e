using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Client;

namespace PeerRooms.Server.Tests.Client;

public class JitteredRetryPolicyTests
{
    [Fact]
    public void Delays_are_random_below_a_doubling_cap_and_stop_after_the_limit()
    {
        var policy = new JitteredRetryPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(42));
        var delays = Enumerable.Range(0, 200)
            .Select(i => (Attempt: i % 8, Delay: policy.NextRetryDelay(new RetryContext { PreviousRetryCount = i % 8, ElapsedTime = TimeSpan.FromSeconds(1) })!.Value))
            .ToArray();
        Assert.All(delays, d => Assert.InRange(d.Delay.TotalMilliseconds, 0, Math.Min(1000, 100 * Math.Pow(2, d.Attempt))));
        Assert.True(delays.Select(d => d.Delay).Distinct().Count() > 150, "delays are jittered, not fixed");
        Assert.Contains(delays, d => d.Delay > TimeSpan.FromMilliseconds(500));
        Assert.Null(policy.NextRetryDelay(new RetryContext { PreviousRetryCount = 3, ElapsedTime = TimeSpan.FromMinutes(1) }));
    }
}
