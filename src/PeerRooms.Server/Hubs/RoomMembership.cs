using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Live;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Keeps a connection's SignalR groups in step with where its participant is: admitted members in
/// the room's members group (facilitators also in the facilitators group), lobby arrivals only in
/// the lobby group. Works for connections on any node: with the Redis backplane a group change for
/// a remote connection is sent to its node and acknowledged. A change for a connection that no
/// longer exists is never acknowledged, so each change is bounded by <see cref="GroupTimeout"/>.
/// </summary>
public sealed class RoomMembership(IHubContext<RoomHub, IRoomClient> hub, ILogger<RoomMembership> logger)
{
    public static readonly TimeSpan GroupTimeout = TimeSpan.FromSeconds(5);

    public Task PlaceAsync(string roomId, string connectionId, Participant participant)
    {
        if (!participant.IsAdmitted)
        {
            return Task.WhenAll(
                Change(roomId, connectionId, hub.Groups.AddToGroupAsync(connectionId, RoomGroups.Lobby(roomId))),
                Change(roomId, connectionId, hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Members(roomId))),
                Change(roomId, connectionId, hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Facilitators(roomId))));
        }
        return Task.WhenAll(
            Change(roomId, connectionId, hub.Groups.AddToGroupAsync(connectionId, RoomGroups.Members(roomId))),
            Change(roomId, connectionId, participant.IsFacilitator
                ? hub.Groups.AddToGroupAsync(connectionId, RoomGroups.Facilitators(roomId))
                : hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Facilitators(roomId))),
            Change(roomId, connectionId, hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Lobby(roomId))));
    }

    public Task PlaceAllAsync(string roomId, IEnumerable<ConnectionRef> connections, Participant participant)
        => Task.WhenAll(connections.Select(c => PlaceAsync(roomId, c.ConnectionId, participant)));

    /// <summary>Takes the connection out of every group of the room.</summary>
    public Task RemoveAsync(string roomId, string connectionId) => Task.WhenAll(
        Change(roomId, connectionId, hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Members(roomId))),
        Change(roomId, connectionId, hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Facilitators(roomId))),
        Change(roomId, connectionId, hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Lobby(roomId))));

    private async Task Change(string roomId, string connectionId, Task change)
    {
        try
        {
            await change.WaitAsync(GroupTimeout);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            ModerationLog.GroupChangeFailed(logger, connectionId, roomId, ex.GetType().Name);
        }
    }
}
