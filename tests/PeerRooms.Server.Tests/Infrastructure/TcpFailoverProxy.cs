using System.Net;
using System.Net.Sockets;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// The load balancer of the process-level tests: a TCP proxy on 127.0.0.1 that sends each new
/// connection to the first backend port that accepts it. While the first node lives every client
/// lands there (sticky); once it dies, reconnecting clients land on the next. When either side of
/// a proxied connection closes, both close, so a client sees its node die at once.
/// </summary>
public sealed class TcpFailoverProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int[] _backends;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpFailoverProxy(params int[] backendPorts)
    {
        _backends = backendPorts;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptLoopAsync();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ProxyAsync(client);
        }
    }

    private async Task ProxyAsync(TcpClient client)
    {
        using (client)
        {
            using var backend = await ConnectToFirstLiveBackendAsync();
            if (backend is null) return;
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = client.GetStream().CopyToAsync(backend.GetStream(), both.Token);
            var down = backend.GetStream().CopyToAsync(client.GetStream(), both.Token);
            try { await Task.WhenAny(up, down); } catch (Exception) { }
            both.Cancel();
            try { await Task.WhenAll(up, down); } catch (Exception) { }
        }
    }

    private async Task<TcpClient?> ConnectToFirstLiveBackendAsync()
    {
        foreach (var port in _backends)
        {
            var backend = new TcpClient();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(1));
                await backend.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                return backend;
            }
            catch (Exception)
            {
                backend.Dispose();
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (Exception) { }
        _stop.Dispose();
    }
}
