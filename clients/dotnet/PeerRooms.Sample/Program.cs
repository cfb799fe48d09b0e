using Spectre.Console;

namespace PeerRooms.Sample;

/// <summary>Entry point (a named class, so the tests can reference the sample next to the server's Program).</summary>
internal static class SampleProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        return await SampleApp.RunAsync(args, AnsiConsole.Console, Console.In, cts.Token);
    }
}
