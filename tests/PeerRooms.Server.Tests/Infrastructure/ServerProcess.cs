using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// A PeerRooms node as a real operating-system process: <c>dotnet PeerRooms.Server.dll</c> from the
/// server's build output, on 127.0.0.1 and a free port, configured through environment variables the
/// way an operator would. It can be sent SIGTERM, as an orchestrator stopping it would. Its data
/// directory name contains "peerrooms-test-" so test.sh can clean up after a crash.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string[] _extraUrls;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <param name="extraUrls">More addresses to listen on besides <see cref="BaseAddress"/> (e.g. a metrics port).</param>
    public ServerProcess(IDictionary<string, string?> settings, string[]? extraUrls = null)
    {
        _extraUrls = extraUrls ?? [];
        Port = RedisServerProcess.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _settings = new Dictionary<string, string?>(settings);
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    /// <summary>What the process wrote (JSON log lines), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process is { HasExited: true };

    /// <summary>The server's build output next to this test build (same configuration).</summary>
    public static string ServerDll()
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar); // tests/X/bin/<Config>/net10.0
        var framework = Path.GetFileName(testBin);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
        var dir = new DirectoryInfo(testBin);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeerRooms.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("PeerRooms.sln not found above " + testBin);
        var dll = Path.Combine(dir.FullName, "src", "PeerRooms.Server", "bin", configuration, framework, "PeerRooms.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the solution first", dll);
    }

    /// <summary>Starts the process and waits (polling an external process, bounded) until it is ready.</summary>
    public async Task StartAsync()
    {
        var dll = ServerDll();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["ASPNETCORE_URLS"] = string.Join(';', [BaseAddress.ToString().TrimEnd('/'), .. _extraUrls]);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in _settings.Where(s => s.Value is not null))
        {
            // Command-line arguments (visible to pkill, so the data directory marks the process as ours).
            psi.ArgumentList.Add($"--{k}={v}");
        }
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the server process");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await Readiness.WaitForAsync(Http, HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Output}");
        }
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> or Kubernetes would.</summary>
    public void Terminate()
    {
        if (_process is null || _process.HasExited) return;
        if (SysKill(_process.Id, 15) != 0) throw new InvalidOperationException($"kill -TERM failed ({Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Waits for the process to exit; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        await _process!.WaitForExitAsync().WaitAsync(within);
        return _process.ExitCode;
    }

    public async Task<string> TokenAsync(string userId, params string[] roles)
    {
        using var response = await Http.PostAsJsonAsync("/api/dev/token", new { userId, roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
    }

    public async Task<HubConnection> ConnectAsync(string userId, HubProtocol protocol, string role = "participant", string path = HubPaths.Rooms)
    {
        var token = await TokenAsync(userId, role);
        var builder = new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, path), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        if (protocol == HubProtocol.MessagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        await connection.StartAsync().WaitAsync(Timeouts.Default);
        return connection;
    }

    public async Task<string> CreateRoomAsync(string name)
    {
        var admin = await TokenAsync("admin-1", "admin");
        // No facilitator in these tests, so the session starts without one.
        var body = new { name, capacity = 20, policy = new { requireFacilitatorToStart = false } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", admin);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RoomBody>())!.Id;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    private sealed record TokenBody(string Token);
    private sealed record RoomBody(string Id);
}
