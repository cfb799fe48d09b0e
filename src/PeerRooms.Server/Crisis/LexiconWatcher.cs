using Microsoft.Extensions.Options;
using PeerRooms.Core.Crisis;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Crisis;

/// <summary>
/// Reloads the crisis lexicons when a file in <c>PeerRooms:Crisis:LexiconDirectory</c> changes
/// (debounced, so an editor's several writes reload once). A bad file is logged and the previous
/// lexicons keep serving. Each node watches its own directory; the admin reload endpoint does the
/// same on demand.
/// </summary>
public sealed class LexiconWatcher(ReloadableCrisisDetector detector, IOptions<CrisisOptions> options, ILogger<LexiconWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        CrisisLog.LexiconsLoaded(logger, detector.Current.Lexicons.Count, detector.Current.PatternCount);
        if (!o.WatchLexiconDirectory || string.IsNullOrWhiteSpace(o.LexiconDirectory) || !Directory.Exists(o.LexiconDirectory)) return;
        var changes = System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
        });
        using var watcher = new FileSystemWatcher(o.LexiconDirectory, "*.json") { EnableRaisingEvents = true };
        watcher.Changed += (_, _) => changes.Writer.TryWrite(true);
        watcher.Created += (_, _) => changes.Writer.TryWrite(true);
        watcher.Deleted += (_, _) => changes.Writer.TryWrite(true);
        watcher.Renamed += (_, _) => changes.Writer.TryWrite(true);
        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Debounce, stoppingToken);
                changes.Reader.TryRead(out _);
                Reload(detector, logger);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Reloads and logs the outcome; returns the error when the files are invalid.</summary>
    public static string? Reload(ReloadableCrisisDetector detector, ILogger logger)
    {
        try
        {
            var scanner = detector.Reload();
            CrisisLog.LexiconsLoaded(logger, scanner.Lexicons.Count, scanner.PatternCount);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            CrisisLog.LexiconReloadFailed(logger, ex.GetType().Name);
            return ex.Message;
        }
    }
}
