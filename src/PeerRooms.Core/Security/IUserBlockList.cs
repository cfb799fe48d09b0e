namespace PeerRooms.Core.Security;

/// <summary>
/// Users an administrator has blocked until a given time: their tokens are refused on HTTP and on hub
/// connections until then, even though the tokens themselves are still valid. Shared by every node
/// (Redis when scaled out, entries expire on their own); in memory on a single node.
/// </summary>
public interface IUserBlockList
{
    /// <summary>Blocks <paramref name="userId"/> until <paramref name="until"/>; a later block replaces an earlier one.</summary>
    Task BlockAsync(string userId, DateTimeOffset until, CancellationToken ct = default);

    /// <summary>Lifts a block early.</summary>
    Task UnblockAsync(string userId, CancellationToken ct = default);

    /// <summary>When the user's block ends, or null when they are not blocked (an expired block counts as none).</summary>
    Task<DateTimeOffset?> GetBlockedUntilAsync(string userId, CancellationToken ct = default);
}
