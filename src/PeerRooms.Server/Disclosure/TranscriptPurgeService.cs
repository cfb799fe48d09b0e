using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Disclosure;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Disclosure;

/// <summary>
/// Deletes retained transcript messages whose retention period ended: once at start-up, then every
/// <see cref="DisclosureOptions.TranscriptPurgeIntervalMinutes"/>. Time comes from
/// <see cref="TimeProvider"/> so tests drive it with a fake clock. A failed round is logged and the
/// next one tries again. Every node runs it; deleting expired rows is idempotent.
/// </summary>
public sealed class TranscriptPurgeService(
    ITranscriptStore transcripts,
    IOptions<DisclosureOptions> options,
    TimeProvider time,
    ILogger<TranscriptPurgeService> logger) : BackgroundService
{
    private readonly Channel<int> _rounds = Channel.CreateUnbounded<int>();

    /// <summary>How many messages each finished round deleted (-1 for a failed round); for tests and diagnostics.</summary>
    public ChannelReader<int> Rounds => _rounds.Reader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.TranscriptPurgeIntervalMinutes), time);
        do await PurgeOnceAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round; public so tests can drive it.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        var deleted = -1;
        try
        {
            deleted = await transcripts.PurgeExpiredAsync(time.GetUtcNow(), ct);
            if (deleted > 0) DisclosureLog.TranscriptPurged(logger, deleted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DisclosureLog.TranscriptPurgeFailed(logger, ex.GetType().Name);
        }
        _rounds.Writer.TryWrite(deleted);
        return deleted;
    }
}
