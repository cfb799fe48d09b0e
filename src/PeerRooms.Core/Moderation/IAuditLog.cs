namespace PeerRooms.Core.Moderation;

/// <summary>
/// One moderation action: who (actor user id), what (<see cref="AuditActions"/>), to whom (target
/// user id or message id), when, and a short machine detail (e.g. <c>minutes=10</c>). Never message
/// text, report reasons or display names.
/// </summary>
public sealed record AuditEntry
{
    public required string Id { get; init; }
    public required string RoomId { get; init; }
    public required string ActorUserId { get; init; }
    public required string Action { get; init; }
    public string? TargetUserId { get; init; }
    public string? TargetMessageId { get; init; }
    public string? Detail { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// The durable audit log of moderation actions, readable by admins. Written before the action is
/// applied, so an action never happens without its row (a row may exist for an action a concurrent
/// change then refused).
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct = default);
    /// <summary>Newest first; <paramref name="roomId"/> null = every room.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? roomId, int limit, CancellationToken ct = default);
}

/// <summary>The actions the audit log records (wire values of <see cref="AuditEntry.Action"/>).</summary>
public static class AuditActions
{
    public const string SessionStarted = "session_started";
    public const string SessionEnded = "session_ended";
    public const string Admitted = "admitted";
    public const string Denied = "denied";
    public const string SentToLobby = "sent_to_lobby";
    public const string Locked = "locked";
    public const string Unlocked = "unlocked";
    public const string Muted = "muted";
    public const string Unmuted = "unmuted";
    public const string MutedEveryone = "muted_everyone";
    public const string UnmutedEveryone = "unmuted_everyone";
    public const string MediaOffRequested = "media_off_requested";
    public const string MediaForcedOff = "media_forced_off";
    public const string MediaAllowed = "media_allowed";
    public const string Removed = "removed";
    public const string TimedOut = "timed_out";
    public const string Banned = "banned";
    public const string MessageDeleted = "message_deleted";
    public const string SlowModeSet = "slow_mode_set";
    public const string HandLowered = "hand_lowered";
    public const string AllHandsLowered = "all_hands_lowered";
    public const string RemovedFromVideo = "removed_from_video";
    public const string VideoSpotlightOn = "video_spotlight_on";
    public const string VideoSpotlightOff = "video_spotlight_off";
    public const string FloorGiven = "floor_given";
    public const string FloorCleared = "floor_cleared";
    public const string Pinned = "pinned";
    public const string Unpinned = "unpinned";
    public const string Promoted = "promoted";
    public const string Demoted = "demoted";
    public const string LeadHandedOver = "lead_handed_over";
}
