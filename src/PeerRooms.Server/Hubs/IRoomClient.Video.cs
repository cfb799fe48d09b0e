using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

public partial interface IRoomClient
{
    Task VideoMemberJoined(VideoMemberView member);
    Task VideoMemberLeft(VideoMemberView member);
    Task VideoMemberUpdated(VideoMemberView member);
    Task Signal(VideoSignalEvent signal);
    /// <summary>To every connection of a person dropped from video by a facilitator (or sent to the lobby): close all peer connections.</summary>
    Task VideoRemoved(VideoRemovedEvent removed);
}
