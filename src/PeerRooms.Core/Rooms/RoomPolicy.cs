using PeerRooms.Core.Escalation;

namespace PeerRooms.Core.Rooms;

/// <summary>
/// Per-room settings that change how a meeting runs. Durable with the room. Later features add
/// settings here; every setting has a safe default so older rows keep working.
/// </summary>
public sealed record RoomPolicy
{
    /// <summary>Participants wait in the lobby until a facilitator admits them.</summary>
    public bool LobbyEnabled { get; init; }

    /// <summary>
    /// A session opens only when a facilitator starts it; earlier arrivals wait in the lobby. Such a
    /// room also never runs without a facilitator: when the last one leaves, the session pauses.
    /// On by default, because a support group expects its facilitator to open the meeting; set it
    /// to false for a peer room that opens on the first join and runs on its own.
    /// </summary>
    public bool RequireFacilitatorToStart { get; init; } = true;

    /// <summary>Live history kept for late joiners (a bounded ring, wiped when the session ends).</summary>
    public int HistoryLimit { get; init; } = 200;

    /// <summary>0 = ephemeral (the default): nothing of the conversation outlives the session.</summary>
    public int HistoryRetentionDays { get; init; }

    /// <summary>Mask phone numbers, emails and street addresses before anyone receives a message.</summary>
    public bool PiiRedaction { get; init; } = true;

    /// <summary>Privately suggest person-first language to senders.</summary>
    public bool LanguageNudges { get; init; }

    /// <summary>At most one message per this many seconds per participant (facilitators exempt); 0 = off.</summary>
    public int SlowModeSeconds { get; init; }

    /// <summary>
    /// What the crisis scan does at each severity (alert facilitators, page crisis staff, resources
    /// card, deliver/warn/hold). Defaults: <see cref="RoomSeverityActions.Default"/>.
    /// </summary>
    public RoomSeverityActions SeverityActions { get; init; } = RoomSeverityActions.Default;

    /// <summary>Joining the video session publishes the mic at once (still subject to a facilitator's force-off). Off by default: nobody is heard before they choose to be.</summary>
    public bool VideoMicOnEntry { get; init; }

    /// <summary>Joining the video session publishes the camera at once (subject to force-off and the mesh cap). Off by default.</summary>
    public bool VideoCameraOnEntry { get; init; }

    public static RoomPolicy Default { get; } = new();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HistoryLimit is < 0 or > 5000) errors.Add("historyLimit must be between 0 and 5000");
        if (HistoryRetentionDays is < 0 or > 365) errors.Add("historyRetentionDays must be between 0 and 365");
        if (SlowModeSeconds is < 0 or > 3600) errors.Add("slowModeSeconds must be between 0 and 3600");
        if (SeverityActions is null) errors.Add("severityActions must not be null");
        else errors.AddRange(SeverityActions.Validate().Select(e => "severityActions: " + e));
        return errors;
    }
}
