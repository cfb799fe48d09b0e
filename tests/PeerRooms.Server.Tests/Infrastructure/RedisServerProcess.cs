using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// A real redis-server on 127.0.0.1 and a free port, started for the tests and stopped after. No
/// persistence unless <c>appendOnly</c> (AOF with fsync on every write, so whatever Redis
/// acknowledged survives a kill). It can be stopped and started again on the same port (and data
/// directory) for outage tests. Its data directory name contains "peerrooms-test-" so test.sh can
/// clean up after a crash.
/// </summary>
public sealed class RedisServerProcess(bool appendOnly = false) : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerrooms-test-redis-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;

    public int Port { get; } = FreePort();

    public bool AppendOnly => appendOnly;

    public string Configuration => $"127.0.0.1:{Port}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_dir);
        var binary = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var psi = new ProcessStartInfo(binary)
        {
            ArgumentList =
            {
                "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--dir", _dir, "--daemonize", "no",
                "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start redis-server (is it installed? test.sh installs it)");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { Configuration }, ConnectTimeout = 500, AbortOnConnectFail = true });
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(50, deadline.Token); // polling a starting process, bounded by the deadline
            }
        }
    }

    /// <summary>Kills redis-server (as an outage would).</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>One redis-server shared by a test class; tests isolate themselves with unique key prefixes.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServerProcess Redis { get; } = new();

    public Task InitializeAsync() => Redis.StartAsync();

    public Task DisposeAsync() => Redis.DisposeAsync().AsTask();

    /// <summary>A key prefix no other test uses.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
