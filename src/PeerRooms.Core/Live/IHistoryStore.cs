namespace PeerRooms.Core.Live;

/// <summary>Outcome of appending: <see cref="Duplicate"/> is set when the same sender already sent that client message id.</summary>
public sealed record AppendResult(ChatMessage Message, bool Duplicate);

/// <summary>
/// The live history of a room's session: a bounded ring plus message-id dedupe. Ephemeral by
/// design: cleared when the session ends, and never written to disk.
/// </summary>
public interface IHistoryStore
{
    /// <summary>
    /// Stores <paramref name="message"/> unless the same sender already used its client message id in
    /// this session, in which case the stored original comes back with <c>Duplicate = true</c>.
    /// Assigns the next sequence number and trims the ring to <paramref name="limit"/> entries.
    /// </summary>
    Task<AppendResult> AppendAsync(string roomId, ChatMessage message, int limit, CancellationToken ct = default);

    /// <summary>The message this sender already stored under <paramref name="clientMessageId"/> this session, if any.</summary>
    Task<ChatMessage?> FindAsync(string roomId, string senderUserId, string clientMessageId, CancellationToken ct = default);

    /// <summary>Messages with a sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/> (the newest ones).</summary>
    Task<IReadOnlyList<ChatMessage>> GetAsync(string roomId, long afterSequence, int max, CancellationToken ct = default);

    /// <summary>Removes one message from the ring (delete, retract); false when it is not there.</summary>
    Task<bool> RemoveAsync(string roomId, string messageId, CancellationToken ct = default);

    /// <summary>Wipes the room's history and dedupe state (session end).</summary>
    Task ClearAsync(string roomId, CancellationToken ct = default);
}
