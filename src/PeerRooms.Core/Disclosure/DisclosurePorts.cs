using PeerRooms.Core.Live;

namespace PeerRooms.Core.Disclosure;

/// <summary>
/// Per-user content preferences (topics to collapse always). Live state: in memory on one node, in
/// Redis when scaled out (kept 180 days after the last change). Last write wins; a write replaces the whole set.
/// </summary>
public interface IContentPreferenceStore
{
    /// <summary>The user's collapsed topics, empty when they set none.</summary>
    Task<IReadOnlyList<string>> GetCollapsedTopicsAsync(string userId, CancellationToken ct = default);

    /// <summary>Replaces the user's collapsed topics (already validated).</summary>
    Task SetCollapsedTopicsAsync(string userId, IReadOnlyList<string> topics, CancellationToken ct = default);
}

/// <summary>That <see cref="UserId"/> accepted version <see cref="Version"/> of a room's guidelines at <see cref="AcceptedAt"/>.</summary>
public sealed record GuidelinesAcceptance(string RoomId, string UserId, int Version, DateTimeOffset AcceptedAt);

/// <summary>Durable record of guideline acceptances (who, which version, when). Written before the join proceeds.</summary>
public interface IGuidelinesAcceptanceStore
{
    /// <summary>Records an acceptance; idempotent, keeping the first time a user accepted a version.</summary>
    Task RecordAsync(GuidelinesAcceptance acceptance, CancellationToken ct = default);

    /// <summary>The user's acceptance of that version, or null.</summary>
    Task<GuidelinesAcceptance?> GetAsync(string roomId, string userId, int version, CancellationToken ct = default);
}

/// <summary>
/// The opt-in durable transcript of rooms whose policy sets <c>historyRetentionDays</c> &gt; 0. Rooms
/// that do not opt in (the default) never write here. Entries expire after the room's retention
/// period and are deleted by a background purge; a retracted message is deleted at once.
/// </summary>
public interface ITranscriptStore
{
    Task AppendAsync(string roomId, ChatMessage message, DateTimeOffset expiresAt, CancellationToken ct = default);

    /// <summary>Deletes one message (retraction); false when it was not stored.</summary>
    Task<bool> RemoveAsync(string roomId, string messageId, CancellationToken ct = default);

    /// <summary>The room's retained messages, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> GetAsync(string roomId, CancellationToken ct = default);

    /// <summary>Deletes every entry that expired at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct = default);
}
