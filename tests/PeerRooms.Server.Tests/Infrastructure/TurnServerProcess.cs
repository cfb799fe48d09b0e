using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// A real coturn <c>turnserver</c> on 127.0.0.1 and a free port, in TURN REST API mode
/// (<c>--use-auth-secret</c>) with a random shared secret, no TLS/DTLS, no CLI, no config file, its
/// (SQLite) user database and pid file in a temp directory whose name contains "peerrooms-test-" (so
/// test.sh can clean up after a crash). Runs unprivileged. Ready means it answered a STUN Binding
/// request over UDP, polled against a deadline. <see cref="AllocateAsync"/> runs coturn's own client,
/// <c>turnutils_uclient</c>, to prove a credential can (or cannot) allocate a relay.
/// </summary>
public sealed class TurnServerProcess : IAsyncDisposable
{
    public const string Realm = "peerrooms.test";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ClientDeadline = TimeSpan.FromSeconds(30);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerrooms-test-turn-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>The shared secret (coturn <c>--static-auth-secret</c>), random per instance.</summary>
    public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    public int Port { get; } = FreeUdpAndTcpPort();

    /// <summary>The TURN url a PeerRooms node hands out for this server.</summary>
    public string Url => $"turn:127.0.0.1:{Port}?transport=udp";

    /// <summary>What turnserver printed so far (for failure messages).</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static string Binary(string name) => File.Exists($"/usr/bin/{name}") ? $"/usr/bin/{name}" : name;

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_dir);
        var relayPorts = FreeRelayRange();
        var psi = new ProcessStartInfo(Binary("turnserver"))
        {
            ArgumentList =
            {
                "-n", "--no-cli", "--log-file=stdout", "--simple-log",
                "--use-auth-secret", $"--static-auth-secret={Secret}", $"--realm={Realm}",
                "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={Port}",
                $"--min-port={relayPorts}", $"--max-port={relayPorts + 49}",
                "--allow-loopback-peers", "--no-tls", "--no-dtls",
                $"--userdb={Path.Combine(_dir, "turndb")}", $"--pidfile={Path.Combine(_dir, "turnserver.pid")}",
            },
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start turnserver (is coturn installed? test.sh installs it)");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartDeadline);
        while (!await AnswersStunAsync(deadline.Token))
        {
            if (_process.HasExited) throw new InvalidOperationException($"turnserver exited with {_process.ExitCode}:\n{Log}");
            if (deadline.IsCancellationRequested) throw new TimeoutException($"turnserver did not answer STUN on port {Port} within {StartDeadline}:\n{Log}");
            await Task.Delay(100, CancellationToken.None); // polling a starting external process, bounded by the deadline
        }
    }

    /// <summary>
    /// Runs <c>turnutils_uclient</c> against this server with the given long-term credential: one client
    /// (<c>-m 1</c>), client-to-client through the relay (<c>-y</c>, so no separate peer is needed), one
    /// message (<c>-n 1</c>), no RTCP (<c>-c</c>). It allocates a relay, sends and exits; exit code 0
    /// means the allocation was authorised and data went through it.
    /// </summary>
    public async Task<ClientRun> AllocateAsync(string host, int port, string username, string credential)
    {
        var psi = new ProcessStartInfo(Binary("turnutils_uclient"))
        {
            ArgumentList = { "-y", "-c", "-n", "1", "-m", "1", "-u", username, "-w", credential, "-p", port.ToString(), host },
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var client = Process.Start(psi) ?? throw new InvalidOperationException("could not start turnutils_uclient");
        var stdout = client.StandardOutput.ReadToEndAsync();
        var stderr = client.StandardError.ReadToEndAsync();
        try
        {
            await client.WaitForExitAsync().WaitAsync(ClientDeadline);
        }
        catch (TimeoutException)
        {
            client.Kill(entireProcessTree: true);
            throw new TimeoutException($"turnutils_uclient did not finish within {ClientDeadline}");
        }
        return new ClientRun(client.ExitCode, await stdout + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            _process.Dispose();
            _process = null;
        }
        try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>One STUN Binding request (RFC 5389: type 0x0001, length 0, magic cookie, random transaction id); true on a matching success response.</summary>
    private async Task<bool> AnswersStunAsync(CancellationToken deadline)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var request = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(request, 0x0001);
        BinaryPrimitives.WriteUInt32BigEndian(request.AsSpan(4), 0x2112A442);
        RandomNumberGenerator.Fill(request.AsSpan(8, 12));
        await udp.SendAsync(request, new IPEndPoint(IPAddress.Loopback, Port));
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        attempt.CancelAfter(TimeSpan.FromMilliseconds(300));
        try
        {
            var reply = await udp.ReceiveAsync(attempt.Token);
            return reply.Buffer.Length >= 20 && BinaryPrimitives.ReadUInt16BigEndian(reply.Buffer) == 0x0101
                   && reply.Buffer.AsSpan(8, 12).SequenceEqual(request.AsSpan(8, 12));
        }
        catch (OperationCanceledException) { return false; }
        catch (SocketException) { return false; } // ICMP port unreachable before it binds
    }

    /// <summary>A port free for both TCP and UDP on loopback (coturn listens on both).</summary>
    private static int FreeUdpAndTcpPort()
    {
        for (var i = 0; i < 50; i++)
        {
            var port = RedisServerProcess.FreePort();
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException("no free port for turnserver");
    }

    /// <summary>A random start for a 50-port relay range, so parallel instances rarely collide (coturn skips busy ports).</summary>
    private static int FreeRelayRange() => 40000 + RandomNumberGenerator.GetInt32(0, 400) * 50;

    public sealed record ClientRun(int ExitCode, string Output)
    {
        public bool Allocated => ExitCode == 0 && !Output.Contains("ERROR", StringComparison.Ordinal);
    }
}
