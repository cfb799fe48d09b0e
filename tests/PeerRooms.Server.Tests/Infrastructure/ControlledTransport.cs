using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// Gives a test control over a client's WebSocket: <see cref="DropAsync"/> aborts the live socket (as a
/// network failure would, so SignalR's automatic reconnect starts), and while reconnects are held
/// every new socket waits until <see cref="ReleaseReconnects"/>. That makes "messages sent while the
/// client was away" deterministic without sleeps.
/// </summary>
public sealed class ControlledTransport
{
    private readonly Lock _lock = new();
    private ClientWebSocket? _current;
    private TaskCompletionSource _gate = Open();

    private static TaskCompletionSource Open()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }

    /// <summary>Sockets opened so far (1 after the first connect).</summary>
    public int Connects { get; private set; }

    public void Configure(HttpConnectionOptions options)
    {
        options.WebSocketFactory = async (context, ct) =>
        {
            Task gate;
            lock (_lock) gate = _gate.Task;
            await gate.WaitAsync(ct);
            var socket = new ClientWebSocket();
            if (context.Options.AccessTokenProvider is { } tokens && await tokens() is { Length: > 0 } token)
                socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            await socket.ConnectAsync(context.Uri, ct);
            lock (_lock)
            {
                _current = socket;
                Connects++;
            }
            return socket;
        };
    }

    /// <summary>New sockets wait until <see cref="ReleaseReconnects"/>.</summary>
    public void HoldReconnects()
    {
        lock (_lock) if (_gate.Task.IsCompleted) _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseReconnects()
    {
        lock (_lock) _gate.TrySetResult();
    }

    /// <summary>Aborts the live socket without a close handshake.</summary>
    public void Drop()
    {
        ClientWebSocket? socket;
        lock (_lock) socket = _current;
        (socket ?? throw new InvalidOperationException("not connected")).Abort();
    }
}
