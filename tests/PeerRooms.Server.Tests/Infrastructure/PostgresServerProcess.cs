using System.Diagnostics;
using Npgsql;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL 15 cluster: initdb into a temp dir (name contains "peerrooms-test-"
/// so test.sh can clean up after a crash) owned by the postgres user, started with pg_ctl on a
/// free port, listening on 127.0.0.1 only, trust authentication; stopped and deleted on dispose.
/// PostgreSQL refuses to run as root, hence <c>runuser -u postgres</c> when the tests run as root.
/// </summary>
public sealed class PostgresServerProcess : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerrooms-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private bool _started;

    public int Port { get; } = RedisServerProcess.FreePort();

    /// <summary>Connection string of the cluster's default database (a test creates its own with <see cref="CreateDatabaseAsync"/>).</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5";

    private string DataDirectory => Path.Combine(_dir, "data");

    public async Task StartAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}); test.sh installs the apt package 'postgresql'");
        Directory.CreateDirectory(_dir);
        if (Environment.UserName == "root") await RunAsync("chown", ["postgres:postgres", _dir], asPostgres: false);
        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
        [
            "-D", DataDirectory, "-l", Path.Combine(_dir, "postgres.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off",
            "start",
        ]);
        _started = true;
    }

    /// <summary>A fresh database, so tests that list everything see only their own rows.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres = true)
    {
        var runAsPostgres = asPostgres && Environment.UserName == "root";
        var psi = new ProcessStartInfo(runAsPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            try { await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]); }
            catch (InvalidOperationException) { }
            catch (TimeoutException) { }
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One PostgreSQL cluster shared by a test class; tests isolate themselves with their own databases.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServerProcess Postgres { get; } = new();

    public Task InitializeAsync() => Postgres.StartAsync();

    public Task DisposeAsync() => Postgres.DisposeAsync().AsTask();
}
