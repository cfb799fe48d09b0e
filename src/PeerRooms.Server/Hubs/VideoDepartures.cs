using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Video;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The one place a person who is no longer an admitted member of a room leaves its video session:
/// called by <see cref="RoomBroadcaster.LeftAsync"/> (LeaveRoom, last connection gone, dead-node sweep,
/// lease loss) and by <see cref="ModerationBroadcaster"/> (removed, timed out, banned, denied, session
/// ended, sent to the lobby). Peers get VideoMemberLeft and close that peer connection. Best effort:
/// a failure is logged and never fails the departure itself (the relay gate still refuses signals to
/// anyone not admitted, so a stale entry cannot be used).
/// </summary>
public sealed class VideoDepartures(IHubContext<RoomHub, IRoomClient> hub, VideoSessionService video, ILogger<VideoDepartures> logger)
{
    /// <summary>Drops them and tells the room; true when they were in the video session.</summary>
    public async Task<bool> DropAsync(string roomId, string userId, string reason)
    {
        try
        {
            if (await video.DropAsync(roomId, userId) is not { } left) return false;
            await hub.Clients.Group(RoomGroups.Members(roomId)).VideoMemberLeft(left.Member);
            VideoLog.Left(logger, roomId, reason);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            VideoLog.DropFailed(logger, roomId, ex.GetType().Name);
            return false;
        }
    }
}
