namespace PeerRooms.Core.Live;

/// <summary>Outcome of adding a connection to a room.</summary>
public sealed record JoinResult(Participant Participant, bool IsNewParticipant);

/// <summary>Outcome of removing a connection: <see cref="Left"/> is set when it was the user's last one.</summary>
public sealed record LeaveResult(Participant? Left);

/// <summary>
/// Who is in which room right now (rosters and presence). In memory on a single node; in Redis when
/// scaled out, where every read-modify-write is atomic. Presence is per user: a participant stays
/// on the roster while any of their connections remains.
/// </summary>
public interface IPresenceStore
{
    /// <summary>
    /// Adds <paramref name="connection"/> for <paramref name="candidate"/>.UserId. If the user is already
    /// a participant, the existing participant is kept (same id, name, status). Otherwise the candidate
    /// is inserted, atomically checking capacity (<c>room_full</c>) and that the display name is not
    /// used by someone else in the session (<c>display_name_taken</c>, case-insensitive).
    /// </summary>
    Task<JoinResult> JoinAsync(string roomId, Participant candidate, ConnectionRef connection, int capacity, CancellationToken ct = default);

    /// <summary>Removes one connection; the participant leaves when it was their last.</summary>
    Task<LeaveResult> LeaveAsync(string roomId, string userId, string connectionId, CancellationToken ct = default);

    /// <summary>Removes the participant with all their connections (removal, ban, session end).</summary>
    Task<Participant?> RemoveAsync(string roomId, string userId, CancellationToken ct = default);

    Task<Participant?> GetAsync(string roomId, string userId, CancellationToken ct = default);

    Task<IReadOnlyList<Participant>> GetRosterAsync(string roomId, CancellationToken ct = default);

    /// <summary>The connections a user holds in a room (to move or disconnect them).</summary>
    Task<IReadOnlyList<ConnectionRef>> GetConnectionsAsync(string roomId, string userId, CancellationToken ct = default);

    /// <summary>Atomically replaces a participant's record; returns null when they are not present.</summary>
    Task<Participant?> UpdateAsync(string roomId, string userId, Func<Participant, Participant> change, CancellationToken ct = default);

    /// <summary>
    /// Removes every connection <paramref name="nodeId"/> held in the room (the node died: its lease
    /// expired) and returns the participants who thereby left. Atomic: when several nodes sweep the
    /// same dead node, each departure is returned to exactly one of them.
    /// </summary>
    Task<IReadOnlyList<Participant>> RemoveNodeConnectionsAsync(string roomId, string nodeId, CancellationToken ct = default);

    /// <summary>Forgets the room's roster (session end).</summary>
    Task ClearRoomAsync(string roomId, CancellationToken ct = default);
}
