using System.Diagnostics;
using HdrHistogram;

namespace PeerRooms.LoadTests;

/// <summary>
/// What one run records. Deliveries count only for messages sent inside the measurement window
/// (after warm-up); latency is receive time minus the send time embedded in the payload, in µs.
/// Thread-safe: receivers on many threads record concurrently.
/// </summary>
public sealed class Measurements
{
    private readonly LongConcurrentHistogram _latencyUs = new(1, 60_000_000, 3);
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _delivered, _received, _sent, _sentInWindow, _errors, _skipped, _operations;

    public long Delivered => Interlocked.Read(ref _delivered);
    public long Received => Interlocked.Read(ref _received);
    public long Sent => Interlocked.Read(ref _sent);
    public long SentInWindow => Interlocked.Read(ref _sentInWindow);
    public long Errors => Interlocked.Read(ref _errors);
    /// <summary>Sends skipped because the previous send of that connection had not been acknowledged yet.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);
    public long Operations => Interlocked.Read(ref _operations);
    public bool Measuring => Stopwatch.GetTimestamp() >= Interlocked.Read(ref _windowStart);

    public void OpenWindow(long start, long end)
    {
        Interlocked.Exchange(ref _windowEnd, end);
        Interlocked.Exchange(ref _windowStart, start);
    }

    public void OnSent(long timestamp)
    {
        Interlocked.Increment(ref _sent);
        if (InWindow(timestamp)) Interlocked.Increment(ref _sentInWindow);
    }

    public void OnReceived(string text)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _received);
        if (Payload.TryReadTimestamp(text) is not { } sentAt || !InWindow(sentAt)) return;
        Interlocked.Increment(ref _delivered);
        _latencyUs.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(sentAt, now).TotalMicroseconds));
    }

    /// <summary>Records the latency of a request/response operation (churn joins and leaves).</summary>
    public void OnOperation(long startedAt)
    {
        var now = Stopwatch.GetTimestamp();
        if (!InWindow(startedAt)) return;
        Interlocked.Increment(ref _operations);
        _latencyUs.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(startedAt, now).TotalMicroseconds));
    }

    public void OnError() => Interlocked.Increment(ref _errors);

    public void OnSkipped() => Interlocked.Increment(ref _skipped);

    public double PercentileMs(double percentile) =>
        _latencyUs.TotalCount == 0 ? 0 : Math.Round(_latencyUs.GetValueAtPercentile(percentile) / 1000.0, 3);

    public double MaxMs => _latencyUs.TotalCount == 0 ? 0 : Math.Round(_latencyUs.GetMaxValue() / 1000.0, 3);

    private bool InWindow(long timestamp) => timestamp >= Interlocked.Read(ref _windowStart) && timestamp < Interlocked.Read(ref _windowEnd);
}
