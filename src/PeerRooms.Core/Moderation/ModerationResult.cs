using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Moderation;

/// <summary>How a facilitator action moved someone; the host turns these into group moves and events.</summary>
public static class ParticipantChangeKinds
{
    /// <summary>From the lobby into the room.</summary>
    public const string Admitted = "admitted";
    /// <summary>From the room back to the lobby.</summary>
    public const string SentToLobby = "sent_to_lobby";
    /// <summary>Became a facilitator for the session.</summary>
    public const string Promoted = "promoted";
    /// <summary>Back to participant.</summary>
    public const string Demoted = "demoted";
    /// <summary>Taken out of the room with a terminal close reason (removed, banned, timed out, denied, session ended).</summary>
    public const string Ejected = "ejected";
}

/// <summary>
/// One participant affected by an action, with the connections they held when it happened (read
/// from shared presence, so they may live on other nodes).
/// </summary>
public sealed record ParticipantChange(string Kind, Participant Participant, IReadOnlyList<ConnectionRef> Connections, string? CloseReason = null);

/// <summary>
/// What a facilitator action changed, for the host to fan out: the new room state (when it
/// changed), participants moved, and whether the lobby's list changed. State is already stored.
/// </summary>
public sealed record ModerationResult(Room Room)
{
    /// <summary>Set when the room's moderation state changed: members get RoomStateChanged.</summary>
    public RoomModeration? State { get; init; }
    public IReadOnlyList<ParticipantChange> Changes { get; init; } = [];
    /// <summary>Facilitators get the lobby's new list.</summary>
    public bool LobbyChanged { get; init; }

    public static ModerationResult Unchanged(Room room) => new(room);
}
