using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Moderation;

/// <summary>Where a room's session stands.</summary>
public static class SessionStatus
{
    /// <summary>No session: nobody has started one (or the last one ended).</summary>
    public const string Idle = "idle";
    /// <summary>The meeting runs: admitted participants chat.</summary>
    public const string Open = "open";
    /// <summary>The last facilitator left a facilitator-led room: nobody but facilitators may send until one returns.</summary>
    public const string Paused = "paused";
}

/// <summary>A participant's raised hand, in the order hands went up.</summary>
public sealed record HandEntry(string UserId, string ParticipantId, DateTimeOffset RaisedAt);

/// <summary>Who has the floor and, when a share timer runs, when it ends (clients count down to <see cref="EndsAt"/>).</summary>
public sealed record FloorState(string UserId, string ParticipantId, DateTimeOffset StartedAt, DateTimeOffset? EndsAt, string TimerId, bool TimerEnded);

/// <summary>A participant's mic and camera as facilitators control them.</summary>
public sealed record MediaControl
{
    public bool MicForcedOff { get; init; }
    public bool CameraForcedOff { get; init; }
    public bool MicOn { get; init; }
    public bool CameraOn { get; init; }

    public bool IsForcedOff(string kind) => kind == MediaKinds.Camera ? CameraForcedOff : MicForcedOff;
    public bool IsOn(string kind) => kind == MediaKinds.Camera ? CameraOn : MicOn;

    public MediaControl WithForcedOff(string kind, bool forced) => kind == MediaKinds.Camera
        ? this with { CameraForcedOff = forced, CameraOn = forced ? false : CameraOn }
        : this with { MicForcedOff = forced, MicOn = forced ? false : MicOn };

    public MediaControl WithOn(string kind, bool on) => kind == MediaKinds.Camera ? this with { CameraOn = on } : this with { MicOn = on };
}

/// <summary>
/// Everything facilitators control in one room's live session: session status and lead, lock,
/// mutes, timeouts, session bans, co-facilitators, raised hands and the floor, the pinned message,
/// slow mode and media controls. Immutable: every change makes a new value, applied atomically by
/// <see cref="IModerationStore.UpdateAsync"/>. Keyed by user id (server-side only), so it holds
/// across reconnects and new connections. Wiped when the session ends (permanent bans are durable,
/// in <see cref="IBanRepository"/>).
/// </summary>
public sealed record RoomModeration
{
    public static RoomModeration Empty { get; } = new();

    public string Session { get; init; } = SessionStatus.Idle;
    public DateTimeOffset? SessionStartedAt { get; init; }
    /// <summary>The facilitator who leads; null when none is present.</summary>
    public string? LeadUserId { get; init; }

    public bool Locked { get; init; }
    /// <summary>While locked, new arrivals may still wait in the lobby (true) or are refused (false).</summary>
    public bool LockAllowsLobby { get; init; }

    public bool EveryoneMuted { get; init; }
    public DateTimeOffset? EveryoneMutedUntil { get; init; }
    /// <summary>Chat mutes: user id → until (null = until lifted).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> Mutes { get; init; } = new Dictionary<string, DateTimeOffset?>();
    /// <summary>Timeouts: user id → when they may come back.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Timeouts { get; init; } = new Dictionary<string, DateTimeOffset>();
    public IReadOnlyList<string> SessionBans { get; init; } = [];
    /// <summary>Removed participants: they may come back, through the lobby.</summary>
    public IReadOnlyList<string> MustKnock { get; init; } = [];
    /// <summary>Participants promoted to co-facilitator for this session.</summary>
    public IReadOnlyList<string> CoFacilitators { get; init; } = [];

    /// <summary>Slow mode set by a facilitator for this session; null = the room policy's value.</summary>
    public int? SlowModeSeconds { get; init; }
    public IReadOnlyList<HandEntry> Hands { get; init; } = [];
    public FloorState? Floor { get; init; }
    public ChatMessage? Pinned { get; init; }
    public IReadOnlyDictionary<string, MediaControl> Media { get; init; } = new Dictionary<string, MediaControl>();

    public bool IsOpen => Session == SessionStatus.Open;

    public bool IsChatMuted(string userId, DateTimeOffset now)
        => Mutes.TryGetValue(userId, out var until) && (until is null || until > now);

    public bool IsEveryoneMuted(DateTimeOffset now) => EveryoneMuted && (EveryoneMutedUntil is null || EveryoneMutedUntil > now);

    public DateTimeOffset? TimedOutUntil(string userId, DateTimeOffset now)
        => Timeouts.TryGetValue(userId, out var until) && until > now ? until : null;

    public bool IsSessionBanned(string userId) => SessionBans.Contains(userId, StringComparer.Ordinal);

    public int EffectiveSlowModeSeconds(RoomPolicy policy) => SlowModeSeconds ?? policy.SlowModeSeconds;

    public MediaControl MediaOf(string userId) => Media.GetValueOrDefault(userId) ?? new MediaControl();

    /// <summary>Drops what belonged to a participant who left: their raised hand and, if they held it, the floor.</summary>
    public RoomModeration WithoutPresenceOf(string userId) => this with
    {
        Hands = Hands.Where(h => h.UserId != userId).ToArray(),
        Floor = Floor?.UserId == userId ? null : Floor,
    };
}

/// <summary>Small copy-on-write helpers for the read-only collections in <see cref="RoomModeration"/>.</summary>
public static class ModerationCollections
{
    public static IReadOnlyDictionary<string, T> With<T>(this IReadOnlyDictionary<string, T> map, string key, T value)
        => new Dictionary<string, T>(map, StringComparer.Ordinal) { [key] = value };

    public static IReadOnlyDictionary<string, T> Without<T>(this IReadOnlyDictionary<string, T> map, string key)
    {
        var copy = new Dictionary<string, T>(map, StringComparer.Ordinal);
        copy.Remove(key);
        return copy;
    }

    public static IReadOnlyList<string> With(this IReadOnlyList<string> list, string item)
        => list.Contains(item, StringComparer.Ordinal) ? list : [.. list, item];

    public static IReadOnlyList<string> Without(this IReadOnlyList<string> list, string item)
        => list.Where(x => x != item).ToArray();
}
