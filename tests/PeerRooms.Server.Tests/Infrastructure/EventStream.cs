using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// Records one server event on a connection so a test can await the next matching one (with a
/// timeout) or assert that none arrived.
/// </summary>
public sealed class EventStream<T> : IDisposable
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private readonly List<T> _seen = [];
    private readonly IDisposable _subscription;

    public EventStream(HubConnection connection, string eventName)
    {
        _subscription = connection.On<T>(eventName, e =>
        {
            lock (_seen) _seen.Add(e);
            _channel.Writer.TryWrite(e);
        });
    }

    /// <summary>Everything received so far.</summary>
    public IReadOnlyList<T> Seen { get { lock (_seen) return _seen.ToArray(); } }

    /// <summary>Waits for the next event matching <paramref name="match"/>, skipping others.</summary>
    public async Task<T> NextAsync(Func<T, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeouts.Default);
        try
        {
            while (true)
            {
                var e = await _channel.Reader.ReadAsync(cts.Token);
                if (match is null || match(e)) return e;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching {typeof(T).Name} within {(timeout ?? Timeouts.Default).TotalSeconds}s");
        }
    }

    public void Dispose() => _subscription.Dispose();
}

public static class HubConnectionExtensions
{
    public static EventStream<T> Record<T>(this HubConnection connection, string eventName) => new(connection, eventName);

    /// <summary>Invokes and expects a HubException with the given catalogue code.</summary>
    public static async Task<Microsoft.AspNetCore.SignalR.HubException> ExpectErrorAsync(this Task call, string code)
    {
        var ex = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => call.WaitAsync(Timeouts.Default));
        Assert.Equal(code, PeerRooms.Core.Contracts.HubErrorMessages.TryParseCode(ex.Message));
        return ex;
    }
}
