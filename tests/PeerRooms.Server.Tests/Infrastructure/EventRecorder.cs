using System.Threading.Channels;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// Records a C# event's values (subscribe with <c>client.SomeEvent += recorder.Add</c>) so a test can
/// await the next matching one with a timeout, or assert on everything seen so far.
/// </summary>
public sealed class EventRecorder<T>
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private readonly List<T> _seen = [];

    public void Add(T value)
    {
        lock (_seen) _seen.Add(value);
        _channel.Writer.TryWrite(value);
    }

    public IReadOnlyList<T> Seen { get { lock (_seen) return _seen.ToArray(); } }

    /// <summary>Waits for the next value matching <paramref name="match"/>, skipping others.</summary>
    public async Task<T> NextAsync(Func<T, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeouts.Default);
        try
        {
            while (true)
            {
                var value = await _channel.Reader.ReadAsync(cts.Token);
                if (match is null || match(value)) return value;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching {typeof(T).Name} within {(timeout ?? Timeouts.Default).TotalSeconds}s");
        }
    }
}
