using System.Diagnostics;

namespace PeerRooms.LoadTests;

/// <summary>
/// The load's connections: opened gradually (at most <see cref="LoadOptions.RampPerSecond"/> a second,
/// so the ramp itself is not a thundering herd), each joined to room <c>index / roomSize</c>.
/// </summary>
public sealed class ConnectionSet(ILoadTarget target, Measurements measurements) : IAsyncDisposable
{
    private ILoadConnection?[] _connections = [];
    private int _connected;

    public int Connected => Volatile.Read(ref _connected);

    public ILoadConnection? this[int index] => _connections[index];

    public int Count => _connections.Length;

    public static int RoomOf(int index, int roomSize) => index / roomSize;

    /// <summary>Opens connections <paramref name="from"/>..<paramref name="to"/> (exclusive) and joins each to its room.</summary>
    public async Task OpenAsync(int from, int to, int total, int roomSize, int perSecond, CancellationToken ct)
    {
        if (_connections.Length < total) Array.Resize(ref _connections, total);
        using var gate = new SemaphoreSlim(64);
        var started = Stopwatch.GetTimestamp();
        var tasks = new List<Task>(to - from);
        for (var i = from; i < to; i++)
        {
            var due = TimeSpan.FromSeconds((i - from) / (double)perSecond) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero) await Task.Delay(due, ct); // pacing the ramp-up, not synchronisation
            await gate.WaitAsync(ct);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var connection = await target.ConnectAsync(index, measurements.OnReceived, measurements.OnError, ct);
                    await connection.JoinAsync(target.Room(RoomOf(index, roomSize)), ct);
                    _connections[index] = connection;
                    Interlocked.Increment(ref _connected);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    measurements.OnError();
                    if (measurements.Errors <= 3) Console.Error.WriteLine($"[{target.Name}] connection {index} failed: {ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    gate.Release();
                }
            }, ct));
        }
        await Task.WhenAll(tasks);
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections.Where(c => c is not null), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (c, _) =>
            {
                try { await c!.DisposeAsync(); }
                catch (Exception ex) when (ex is not OutOfMemoryException) { }
            });
    }
}
