using System.Threading.Channels;

namespace PeerRooms.Server.Paging;

/// <summary>
/// Wakes this node's outbox relay as soon as a case write committed outbox items, so a page goes
/// out within milliseconds instead of at the next poll. Other nodes find the items by polling.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Kick() => _kicks.Writer.TryWrite(true);

    /// <summary>Returns when kicked or after <paramref name="interval"/> (on <paramref name="time"/>'s clock).</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var kicked = _kicks.Reader.ReadAsync(linked.Token).AsTask();
        var elapsed = Task.Delay(interval, time, linked.Token);
        await Task.WhenAny(kicked, elapsed);
        await linked.CancelAsync();
        await Task.WhenAll(kicked, elapsed).ContinueWith(static _ => { }, TaskScheduler.Default);
        ct.ThrowIfCancellationRequested();
    }
}
