using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// A PeerRooms node as a real OS process (<c>dotnet PeerRooms.Server.dll</c>), configured through
/// environment variables, so a test can kill it with SIGKILL as a crash would. The dll is the one
/// the solution build put next to the server project, found relative to the test assembly. The
/// command line carries a "peerrooms-test-" marker so test.sh can clean up after a crashed run.
/// </summary>
public sealed class PeerRoomsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PeerRoomsProcess(string name, IDictionary<string, string?> environment)
    {
        Name = name;
        Port = RedisServerProcess.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        var dll = ServerDll();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add($"--peerrooms-test-marker=peerrooms-test-node-{name}");
        psi.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_gcServer"] = "0";
        psi.Environment["PeerRooms__Auth__SigningKey"] = PeerRoomsServer.SigningKey;
        psi.Environment["PeerRooms__Auth__DevTokens"] = "true";
        psi.Environment["PeerRooms__NodeId"] = name;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    /// <summary>What the process printed (for failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts a node and waits until <c>/readyz</c> answers 200.</summary>
    public static async Task<PeerRoomsProcess> StartAsync(string name, IDictionary<string, string?> environment)
    {
        var node = new PeerRoomsProcess(name, environment);
        try
        {
            await Readiness.WaitForAsync(node.Http, HttpStatusCode.OK, TimeSpan.FromSeconds(45));
        }
        catch (TimeoutException ex)
        {
            var output = node.Output;
            await node.DisposeAsync();
            throw new TimeoutException($"node {name} did not become ready: {output}", ex);
        }
        return node;
    }

    /// <summary>SIGKILL: no graceful shutdown, no leaves written; only the lease can tell.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async Task<string> TokenAsync(string userId, params string[] roles)
    {
        using var response = await Http.PostAsJsonAsync("/api/dev/token", new { userId, roles = roles.Length == 0 ? ["participant"] : roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
    }

    /// <summary>Creates a room as an admin; it opens on the first join (no facilitator needed) and keeps <paramref name="historyLimit"/> messages.</summary>
    public async Task<string> CreateRoomAsync(string name, int historyLimit = 200)
    {
        var policy = new { requireFacilitatorToStart = false, historyLimit };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms")
        {
            Content = JsonContent.Create(new { name, facilitators = Array.Empty<string>(), policy, capacity = 50 }),
        };
        request.Headers.Authorization = new("Bearer", await TokenAsync("admin-1", "admin"));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RoomBody>())!.Id;
    }

    /// <summary>src/PeerRooms.Server/bin/&lt;Configuration&gt;/&lt;tfm&gt;/PeerRooms.Server.dll, matching the test assembly's build.</summary>
    public static string ServerDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PeerRooms.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("PeerRooms.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, "src", "PeerRooms.Server", "bin", configuration, tfm, "PeerRooms.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found: build the solution first");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        Http.Dispose();
        await Task.CompletedTask;
    }

    private sealed record TokenBody(string Token);
    private sealed record RoomBody(string Id);
}
