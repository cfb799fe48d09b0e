using PeerRooms.Core.Contracts;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// What the rooms hub does around joins and leaves for the facilitator tools: puts a connection in
/// the groups its placement allows (room or lobby), lets a joining facilitator resume a paused
/// session, hands the lead over or pauses the session when a facilitator leaves, and tells
/// facilitators when the lobby changed.
/// </summary>
public sealed class RoomLifecycle(
    RoomMembership membership,
    SessionService sessions,
    RoomStateReader reader,
    ModerationBroadcaster broadcast,
    IPresenceStore presence,
    ILogger<RoomLifecycle> logger)
{
    public Task PlaceAsync(string roomId, string connectionId, Participant participant) => membership.PlaceAsync(roomId, connectionId, participant);

    public Task RemoveConnectionAsync(string roomId, string connectionId) => membership.RemoveAsync(roomId, connectionId);

    /// <summary>
    /// Whether presence still lists this connection in the room (a refused re-join must not keep stale
    /// groups); null when presence cannot be read (shared state down), so the caller can keep what it had.
    /// </summary>
    public async Task<bool?> IsPresentAsync(string roomId, string userId, string connectionId)
    {
        try
        {
            return (await presence.GetConnectionsAsync(roomId, userId)).Any(c => c.ConnectionId == connectionId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ModerationLog.LifecycleStepFailed(logger, roomId, ex.GetType().Name);
            return null;
        }
    }

    public Task<RoomStateView> StateForAsync(Room room, Participant participant) => reader.ViewAsync(room, forLobby: !participant.IsAdmitted);

    public async Task AfterJoinAsync(Room room, Participant participant, bool isNew)
    {
        try
        {
            await broadcast.ApplyAsync(await sessions.OnJoinedAsync(room, participant));
            if (isNew && !participant.IsAdmitted) await broadcast.LobbyAsync(room.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The join itself succeeded; a failed follow-up must not fail it.
            ModerationLog.LifecycleStepFailed(logger, room.Id, ex.GetType().Name);
        }
    }

    public async Task AfterLeaveAsync(string roomId, Participant left)
    {
        try
        {
            await broadcast.ApplyAsync(await sessions.OnLeftAsync(roomId, left));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ModerationLog.LifecycleStepFailed(logger, roomId, ex.GetType().Name);
        }
    }
}
