using Microsoft.AspNetCore.SignalR.Client;

namespace PeerRooms.Client;

/// <summary>
/// Reconnect delays for SignalR's automatic reconnect: exponential back-off capped at
/// <see cref="MaxDelay"/>, with "full jitter" (a uniformly random delay between zero and the cap).
/// Why jitter: when a node restarts, every client it held loses its connection at the same instant;
/// without jitter they would all come back in lock-step waves. Gives up (the connection closes) once
/// reconnecting has taken longer than <see cref="GiveUpAfter"/>.
/// </summary>
public sealed class JitteredRetryPolicy : IRetryPolicy
{
    private readonly Random _random;

    /// <summary>Creates a policy.</summary>
    /// <param name="initialDelay">The cap of the first delay; doubled on each further attempt.</param>
    /// <param name="maxDelay">The largest cap.</param>
    /// <param name="giveUpAfter">Stop reconnecting after this long; null retries forever.</param>
    /// <param name="random">Randomness (injectable so tests are repeatable); a shared instance when null.</param>
    public JitteredRetryPolicy(TimeSpan initialDelay, TimeSpan maxDelay, TimeSpan? giveUpAfter, Random? random = null)
    {
        if (initialDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(initialDelay), "must be positive");
        if (maxDelay < initialDelay) throw new ArgumentOutOfRangeException(nameof(maxDelay), "must be at least initialDelay");
        InitialDelay = initialDelay;
        MaxDelay = maxDelay;
        GiveUpAfter = giveUpAfter;
        _random = random ?? Random.Shared;
    }

    /// <summary>The cap of the first delay.</summary>
    public TimeSpan InitialDelay { get; }

    /// <summary>The largest cap of any delay.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>How long reconnecting may take in total before the client gives up; null = forever.</summary>
    public TimeSpan? GiveUpAfter { get; }

    /// <summary>The delay before the next attempt, or null to stop reconnecting.</summary>
    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        ArgumentNullException.ThrowIfNull(retryContext);
        if (GiveUpAfter is { } limit && retryContext.ElapsedTime >= limit) return null;
        var exponent = Math.Min(retryContext.PreviousRetryCount, 20);
        var cap = Math.Min(MaxDelay.TotalMilliseconds, InitialDelay.TotalMilliseconds * Math.Pow(2, exponent));
        double sample;
        lock (_random) sample = _random.NextDouble();
        return TimeSpan.FromMilliseconds(cap * sample);
    }
}
