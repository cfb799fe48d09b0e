using PeerRooms.Core.Contracts;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Chat;

/// <summary>
/// A join in progress. Rules inspect it, may refuse (throw <see cref="Errors.PeerRoomsException"/>)
/// or adjust the candidate participant (e.g. send them to the lobby) before anything is stored.
/// </summary>
public sealed class JoinContext(Caller caller, Room room, JoinRoomRequest request, Participant candidate)
{
    public Caller Caller { get; } = caller;
    public Room Room { get; } = room;
    public JoinRoomRequest Request { get; } = request;
    /// <summary>The participant to insert if the user is not already present.</summary>
    public Participant Candidate { get; set; } = candidate;
}

/// <summary>
/// One rule a join must pass (ban, lock, guidelines, lobby, ...). Features add rules instead of
/// editing <see cref="RoomChatService"/>. Rules run in ascending <see cref="Order"/>.
/// </summary>
public interface IJoinRule
{
    int Order { get; }
    ValueTask CheckAsync(JoinContext context, CancellationToken ct);
}
