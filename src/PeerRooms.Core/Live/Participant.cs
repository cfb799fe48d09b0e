namespace PeerRooms.Core.Live;

/// <summary>Where a participant is within a room.</summary>
public static class ParticipantStatus
{
    /// <summary>Admitted: receives the room's messages.</summary>
    public const string InRoom = "room";
    /// <summary>Waiting for a facilitator; receives nothing of the room's conversation.</summary>
    public const string Lobby = "lobby";
}

/// <summary>The role a person holds inside one room's session.</summary>
public static class RoomRoles
{
    public const string Participant = "participant";
    public const string Facilitator = "facilitator";
    public const string CrisisStaff = "crisis-staff";
}

/// <summary>
/// One person in one room's live session. Presence is per user: several connections (tabs) of the
/// same user are one participant. <see cref="UserId"/> is server-side only and never sent to other
/// participants; they see <see cref="ParticipantId"/> and <see cref="DisplayName"/>.
/// </summary>
public sealed record Participant
{
    public required string ParticipantId { get; init; }
    public required string UserId { get; init; }
    public required string DisplayName { get; init; }
    public string RoomRole { get; init; } = RoomRoles.Participant;
    public string Status { get; init; } = ParticipantStatus.InRoom;
    public DateTimeOffset JoinedAt { get; init; }
    /// <summary>
    /// What the participant chose to share about themselves, each with its audience. Server-side in
    /// full; recipients get only what <see cref="Disclosure.AttributeVisibility.VisibleTo"/> allows them.
    /// </summary>
    public ValueList<Disclosure.PersonalAttribute> Attributes { get; init; } = ValueList<Disclosure.PersonalAttribute>.Empty;

    public bool IsFacilitator => RoomRole == RoomRoles.Facilitator;
    public bool IsAdmitted => Status == ParticipantStatus.InRoom;
}

/// <summary>A live connection and the node that holds it (nodes renew a lease on their connections).</summary>
public readonly record struct ConnectionRef(string ConnectionId, string NodeId);
