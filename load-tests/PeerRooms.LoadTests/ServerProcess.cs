using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PeerRooms.LoadTests;

/// <summary>
/// A server process the generator starts (PeerRooms.Server, PeerRooms.BareHub, redis-server) on
/// 127.0.0.1 and a free port, and kills when disposed (also on Ctrl+C and process exit). Arguments
/// carry "peerrooms-test-" so test.sh can clean up after a crash.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly List<ServerProcess> Live = [];
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    static ServerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private ServerProcess(string name, ProcessStartInfo psi, int port)
    {
        Name = name;
        Port = port;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        _process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {name}");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        lock (Live) Live.Add(this);
    }

    public string Name { get; }
    public int Port { get; }
    public int Pid => _process.Id;
    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>The temporary directory of this run (data files); removed at exit.</summary>
    public static string RunDirectory { get; } = Path.Combine(Path.GetTempPath(), "peerrooms-test-load-" + Guid.NewGuid().ToString("N")[..8]);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a .NET web app (<c>dotnet X.dll</c>) with the GC and logging settings of production-like runs.</summary>
    public static async Task<ServerProcess> StartDotnetAsync(string name, string dll, IEnumerable<string> settings, CancellationToken ct,
        IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} not found: build the solution (dotnet build -c Release) or pass the path", dll);
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        psi.ArgumentList.Add(dll);
        foreach (var a in new[] { "--urls", $"http://127.0.0.1:{port}", "--environment", "Development", "--Logging:LogLevel:Default=Warning", $"--marker={RunDirectory}" })
            psi.ArgumentList.Add(a);
        foreach (var s in settings) psi.ArgumentList.Add(s);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment ?? []) psi.Environment[key] = value;
        var server = new ServerProcess(name, psi, port);
        await server.WaitHealthyAsync(ct);
        return server;
    }

    public static async Task<ServerProcess> StartRedisAsync(CancellationToken ct)
    {
        var port = FreePort();
        var dir = Path.Combine(RunDirectory, "redis");
        Directory.CreateDirectory(dir);
        var binary = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var psi = new ProcessStartInfo(binary);
        foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir })
            psi.ArgumentList.Add(a);
        var redis = new ServerProcess("redis-server", psi, port);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
                return redis;
            }
            catch (SocketException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(50, deadline.Token); // polling a starting process, bounded by the deadline
            }
        }
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited at start:\n{string.Join('\n', LastLines())}");
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/healthz"), deadline.Token);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested) { }
            if (deadline.IsCancellationRequested) throw new TimeoutException($"{Name} did not become healthy:\n{string.Join('\n', LastLines())}");
            await Task.Delay(100, deadline.Token); // polling a starting process, bounded by the deadline
        }
    }

    public IReadOnlyList<string> LastLines() { lock (_lastLines) return [.. _lastLines]; }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try { await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { }
        lock (Live) Live.Remove(this);
        _process.Dispose();
    }

    private void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    private static void KillAll()
    {
        ServerProcess[] all;
        lock (Live) all = [.. Live];
        foreach (var p in all) p.Kill();
        try { Directory.Delete(RunDirectory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The build output of a project of this repository, in the configuration this generator was built with.</summary>
    public static string BuildOutput(string projectDirectory, string assembly)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeerRooms.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("cannot find the repository root (PeerRooms.sln); pass --server-dll/--bare-dll");
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        return Path.Combine(dir.FullName, projectDirectory, "bin", configuration, "net10.0", assembly);
    }
}
