using System.Collections.Concurrent;

namespace PeerRooms.Server.Security;

/// <summary>
/// Per-key sliding-window counters: a key may take at most <c>permits</c> within any <c>window</c>,
/// counted in <c>segments</c> slots (the same rule as System.Threading.RateLimiting's sliding-window
/// limiter with no queue). Built for one entry per connected user: an entry is one small object and
/// a segment array (about 150 bytes with its dictionary slot), and nothing runs per entry in the
/// background; a single timer drops entries idle for a whole window. Refused attempts do not count.
/// </summary>
public sealed class SlidingWindowCounters : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _permits;
    private readonly int _segments;
    private readonly long _segmentMs;
    private readonly ITimer _sweeper;

    public SlidingWindowCounters(int permits, TimeSpan window, int segments, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        _time = time ?? TimeProvider.System;
        _permits = permits;
        _segments = segments;
        _segmentMs = Math.Max(1, (long)window.TotalMilliseconds / segments);
        _sweeper = _time.CreateTimer(_ => Sweep(), null, window, window);
    }

    /// <summary>How many keys hold an entry (idle ones until the next sweep).</summary>
    public int Count => _entries.Count;

    public bool TryAcquire(string key)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static (_, n) => new Entry(n), _segments);
            lock (entry)
            {
                // Swept concurrently: its counts are all expired anyway; retry with a fresh entry.
                if (entry.Removed) continue;
                var now = NowSegment();
                entry.AdvanceTo(now);
                if (entry.Total >= _permits) return false;
                entry.Counts[(int)(now % _segments)]++;
                entry.Total++;
                return true;
            }
        }
    }

    /// <summary>Drops entries whose every counted attempt has left the window.</summary>
    public void Sweep()
    {
        var now = NowSegment();
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (entry.Current + _segments > now) continue;
                entry.Removed = true;
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private long NowSegment() => _time.GetUtcNow().ToUnixTimeMilliseconds() / _segmentMs;

    private sealed class Entry(int segments)
    {
        public readonly int[] Counts = new int[segments];
        public long Current;
        public int Total;
        public bool Removed;

        /// <summary>Moves the window to segment <paramref name="now"/>, forgetting the slots that left it.</summary>
        public void AdvanceTo(long now)
        {
            if (now <= Current) return;
            var expired = Math.Min(now - Current, Counts.Length);
            for (var s = 1; s <= expired; s++)
            {
                var slot = (int)((Current + s) % Counts.Length);
                Total -= Counts[slot];
                Counts[slot] = 0;
            }
            Current = now;
        }
    }
}
