using System.Collections.Concurrent;

namespace PeerRooms.Server.Security;

/// <summary>
/// Per-key sliding-window counters for one or more limits: a key may take at most <c>permits</c> of
/// a limit within any <c>window</c>, counted in <c>segments</c> slots (the same rule as
/// System.Threading.RateLimiting's sliding-window limiter with no queue). Built for one entry per
/// connected user holding all of that user's limits: one small object and three arrays (about 300
/// bytes with its dictionary slot for three limits), one dictionary lookup, one lock and one clock
/// read per hub call whatever the number of limits it counts against (a call counted against two
/// limits kept in two dictionaries cost two of each, about 1 % of a saturated node's CPU). Nothing
/// runs per entry in the background; a single timer drops entries idle for their longest window.
/// Refused attempts do not count.
/// </summary>
public sealed class SlidingWindowCounters : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Limit[] _limits;
    private readonly int _slots;
    private readonly ITimer _sweeper;

    /// <summary>Counters for a single limit (index 0).</summary>
    public SlidingWindowCounters(int permits, TimeSpan window, int segments, TimeProvider? time = null)
        : this([new SlidingWindowLimit(permits, window, segments)], time)
    {
    }

    /// <summary>Counters for several limits per key, addressed by their index in <paramref name="limits"/>.</summary>
    public SlidingWindowCounters(IReadOnlyList<SlidingWindowLimit> limits, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(limits.Count);
        _time = time ?? TimeProvider.System;
        _limits = new Limit[limits.Count];
        var longest = TimeSpan.Zero;
        for (var i = 0; i < limits.Count; i++)
        {
            var (permits, window, segments) = limits[i];
            ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
            _limits[i] = new Limit(permits, segments, Math.Max(1, (long)window.TotalMilliseconds / segments), _slots);
            _slots += segments;
            if (window > longest) longest = window;
        }
        _sweeper = _time.CreateTimer(_ => Sweep(), null, longest, longest);
    }

    /// <summary>How many keys hold an entry (idle ones until the next sweep).</summary>
    public int Count => _entries.Count;

    /// <summary>Takes one permit of limit 0 for <paramref name="key"/>.</summary>
    public bool TryAcquire(string key) => TryAcquire(key, [0]) < 0;

    /// <summary>
    /// Takes one permit of each limit in <paramref name="limits"/> (indexes), in that order, atomically
    /// for <paramref name="key"/>. Returns -1 when every one was granted; otherwise the index of the
    /// first limit that refused: nothing is taken from it or from the limits after it, and the permits
    /// taken from the limits before it stay taken (as separate attempts in that order would).
    /// </summary>
    public int TryAcquire(string key, ReadOnlySpan<int> limits)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static (_, shape) => new Entry(shape.Slots, shape.Limits), (Slots: _slots, Limits: _limits.Length));
            lock (entry)
            {
                // Swept concurrently: its counts are all expired anyway; retry with a fresh entry.
                if (entry.Removed) continue;
                var nowMs = NowMs();
                foreach (var index in limits)
                {
                    var limit = _limits[index];
                    var slot = entry.SlotAt(index, limit, nowMs);
                    if (entry.Totals[index] >= limit.Permits) return index;
                    entry.Counts[slot]++;
                    entry.Totals[index]++;
                }
                return -1;
            }
        }
    }

    /// <summary>Drops entries whose every counted attempt, of every limit, has left its window.</summary>
    public void Sweep()
    {
        var nowMs = NowMs();
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (!IsIdle(entry, nowMs)) continue;
                entry.Removed = true;
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private bool IsIdle(Entry entry, long nowMs)
    {
        for (var i = 0; i < _limits.Length; i++)
            if (entry.Current[i] + _limits[i].Segments > nowMs / _limits[i].SegmentMs) return false;
        return true;
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>A limit as counted: its segments occupy <see cref="Offset"/>.. in an entry's counts.</summary>
    private readonly record struct Limit(int Permits, int Segments, long SegmentMs, int Offset);

    private sealed class Entry(int slots, int limits)
    {
        /// <summary>Every limit's segment counts, limit after limit.</summary>
        public readonly int[] Counts = new int[slots];
        /// <summary>Per limit: the newest segment its counts are advanced to.</summary>
        public readonly long[] Current = new long[limits];
        /// <summary>Per limit: when (Unix ms) <see cref="Current"/> ends, so most calls need no division.</summary>
        public readonly long[] CurrentEndsMs = new long[limits];
        /// <summary>Per limit: the sum of its segment counts.</summary>
        public readonly int[] Totals = new int[limits];
        public bool Removed;

        /// <summary>
        /// Advances limit <paramref name="index"/>'s window to the segment holding <paramref name="nowMs"/>
        /// (forgetting the slots that left it) and returns that segment's slot in <see cref="Counts"/>.
        /// Within the current segment (most calls: a segment is a tenth of a window) it only compares.
        /// </summary>
        public int SlotAt(int index, Limit limit, long nowMs)
        {
            if (nowMs < CurrentEndsMs[index]) return limit.Offset + (int)(Current[index] % limit.Segments);
            var now = nowMs / limit.SegmentMs;
            AdvanceTo(index, limit, now);
            return limit.Offset + (int)(now % limit.Segments);
        }

        /// <summary>Moves limit <paramref name="index"/>'s window to segment <paramref name="now"/>, forgetting the slots that left it.</summary>
        private void AdvanceTo(int index, Limit limit, long now)
        {
            var current = Current[index];
            if (now <= current) return;
            var expired = Math.Min(now - current, limit.Segments);
            for (var s = 1; s <= expired; s++)
            {
                var slot = limit.Offset + (int)((current + s) % limit.Segments);
                Totals[index] -= Counts[slot];
                Counts[slot] = 0;
            }
            Current[index] = now;
            CurrentEndsMs[index] = (now + 1) * limit.SegmentMs;
        }
    }
}
