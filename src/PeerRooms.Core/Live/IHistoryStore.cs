namespace PeerRooms.Core.Live;

/// <summary>
/// What the dedupe index keeps of a stored message for the whole session: its id and sequence, never its
/// text or sender name, so the index stays small and no message outlives the history ring.
/// </summary>
public readonly record struct MessageReceipt(string MessageId, long Sequence);

/// <summary>
/// Outcome of appending: the message as stored (with its sequence), or, when the same sender already
/// used that client message id this session, only the original's <see cref="Receipt"/>
/// (<see cref="Duplicate"/>; its text may have left the ring long ago).
/// </summary>
public sealed record AppendResult(MessageReceipt Receipt, ChatMessage? Stored)
{
    /// <summary>A new, stored message.</summary>
    public static AppendResult New(ChatMessage stored) => new(new MessageReceipt(stored.MessageId, stored.Sequence), stored);

    /// <summary>A retry of a message stored before.</summary>
    public static AppendResult Retry(MessageReceipt original) => new(original, null);

    /// <summary>True when nothing was stored because the client message id was already used.</summary>
    public bool Duplicate => Stored is null;
}

/// <summary>
/// The live history of a room's session: a bounded ring plus message-id dedupe. Ephemeral by
/// design: cleared when the session ends, and never written to disk.
/// </summary>
public interface IHistoryStore
{
    /// <summary>
    /// Stores <paramref name="message"/> unless the same sender already used its client message id in
    /// this session, in which case the original's receipt comes back with <c>Duplicate = true</c>.
    /// Assigns the next sequence number and trims the ring to <paramref name="limit"/> entries.
    /// </summary>
    Task<AppendResult> AppendAsync(string roomId, ChatMessage message, int limit, CancellationToken ct = default);

    /// <summary>The receipt of the message this sender already stored under <paramref name="clientMessageId"/> this session, if any.</summary>
    Task<MessageReceipt?> FindAsync(string roomId, string senderUserId, string clientMessageId, CancellationToken ct = default);

    /// <summary>Messages with a sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/> (the newest ones).</summary>
    Task<IReadOnlyList<ChatMessage>> GetAsync(string roomId, long afterSequence, int max, CancellationToken ct = default);

    /// <summary>Removes one message from the ring (delete, retract); false when it is not there.</summary>
    Task<bool> RemoveAsync(string roomId, string messageId, CancellationToken ct = default);

    /// <summary>Wipes the room's history and dedupe state (session end).</summary>
    Task ClearAsync(string roomId, CancellationToken ct = default);
}
