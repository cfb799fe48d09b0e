using System.Diagnostics;

namespace PeerRooms.LoadTests;

/// <summary>Prints a progress line to stderr every two seconds while a phase runs (stdout stays for the RESULT line).</summary>
public sealed class Progress : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public Progress(string target, Measurements m, Func<int> connected, int total)
    {
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    Console.Error.WriteLine(
                        $"[{target}] {_clock.Elapsed.TotalSeconds,5:F0}s {Phase,-9} conns {connected(),6}/{total} sent {m.Sent,8} received {m.Received,9} " +
                        $"counted {m.Delivered,9} p50 {m.PercentileMs(50),7:F2}ms p99 {m.PercentileMs(99),7:F2}ms errors {m.Errors}");
                }
            }
            catch (OperationCanceledException) { }
        });
    }

    public string Phase { get; set; } = "ramp-up";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
