using Microsoft.Extensions.Time.Testing;
using PeerRooms.Server.Security;

namespace PeerRooms.Server.Tests.Security;

public class SlidingWindowCountersTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void At_most_the_permits_within_a_window_and_refusals_do_not_count()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        using var counters = new SlidingWindowCounters(3, Window, segments: 10, time);

        Assert.True(counters.TryAcquire("u1"));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(counters.TryAcquire("u1"));
        Assert.True(counters.TryAcquire("u1"));
        Assert.False(counters.TryAcquire("u1"));
        Assert.True(counters.TryAcquire("u2")); // per key

        // 10 s after the first permit it leaves the window: exactly one comes free (the refusal took none).
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(counters.TryAcquire("u1"));
        Assert.False(counters.TryAcquire("u1"));

        // After a whole idle window everything is free again.
        time.Advance(Window);
        for (var i = 0; i < 3; i++) Assert.True(counters.TryAcquire("u1"));
        Assert.False(counters.TryAcquire("u1"));
    }

    [Fact]
    public void Idle_keys_are_dropped_after_a_window_and_come_back_fresh()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        using var counters = new SlidingWindowCounters(1, Window, segments: 10, time);
        Assert.True(counters.TryAcquire("idle"));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(counters.TryAcquire("busy"));
        Assert.Equal(2, counters.Count);

        time.Advance(TimeSpan.FromSeconds(5)); // the sweep timer fires: "idle" is a whole window old, "busy" is not
        Assert.Equal(1, counters.Count);
        Assert.False(counters.TryAcquire("busy"));
        Assert.True(counters.TryAcquire("idle"));
    }

    [Fact]
    public async Task Concurrent_attempts_never_take_more_than_the_permits()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        using var counters = new SlidingWindowCounters(50, Window, segments: 10, time);
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            var taken = 0;
            for (var i = 0; i < 100; i++)
            {
                if (counters.TryAcquire("shared")) taken++;
                if (i % 10 == 0) counters.Sweep(); // a sweep racing the attempts must not reset the count
            }
            return taken;
        })).ToArray();
        start.Set();
        var total = (await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30))).Sum();
        Assert.Equal(50, total);
    }
}
