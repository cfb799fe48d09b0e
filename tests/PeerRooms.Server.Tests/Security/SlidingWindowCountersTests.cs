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

    [Fact]
    public void Several_limits_are_taken_in_order_and_a_refusal_takes_nothing_from_that_limit_on()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        // 0: 2 per 10 s ("messages"), 1: 3 per 10 s ("calls"), 2: 1 per minute ("joins").
        using var counters = new SlidingWindowCounters(
            [new SlidingWindowLimit(2, Window, 10), new SlidingWindowLimit(3, Window, 10), new SlidingWindowLimit(1, TimeSpan.FromMinutes(1), 10)], time);

        Assert.Equal(-1, counters.TryAcquire("u1", [0, 1]));
        Assert.Equal(-1, counters.TryAcquire("u1", [0, 1]));
        Assert.Equal(0, counters.TryAcquire("u1", [0, 1])); // limit 0 refuses: limit 1 keeps its third permit
        Assert.Equal(-1, counters.TryAcquire("u1", [1]));
        Assert.Equal(1, counters.TryAcquire("u1", [1]));
        Assert.Equal(-1, counters.TryAcquire("u1", [2]));
        Assert.Equal(2, counters.TryAcquire("u1", [2]));

        // After the short window limits 0 and 1 are free again; the one-minute limit is not.
        time.Advance(Window);
        Assert.Equal(-1, counters.TryAcquire("u1", [0, 1]));
        Assert.Equal(2, counters.TryAcquire("u1", [2, 1]));
        Assert.Equal(-1, counters.TryAcquire("u1", [1])); // the refused [2, 1] took nothing from limit 1
        Assert.Equal(-1, counters.TryAcquire("u1", [1]));
        Assert.Equal(1, counters.TryAcquire("u1", [1]));
    }

    [Fact]
    public void An_entry_stays_while_any_of_its_limits_still_counts()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        using var counters = new SlidingWindowCounters(
            [new SlidingWindowLimit(5, Window, 10), new SlidingWindowLimit(1, TimeSpan.FromMinutes(1), 10)], time);
        Assert.Equal(-1, counters.TryAcquire("u1", [0, 1]));

        time.Advance(TimeSpan.FromSeconds(30));
        counters.Sweep(); // limit 0 is idle, limit 1 still counts its permit
        Assert.Equal(1, counters.Count);
        Assert.Equal(1, counters.TryAcquire("u1", [1]));

        // The sweep timer runs every longest window (here at 60 s and 120 s); by 120 s the last attempt (at 30 s) is a window old.
        time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(0, counters.Count);
        Assert.Equal(-1, counters.TryAcquire("u1", [1]));
    }
}
