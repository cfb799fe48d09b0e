using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

public partial interface IRoomClient
{
    Task VideoMemberJoined(VideoMemberView member);
    Task VideoMemberLeft(VideoMemberView member);
    Task VideoMemberUpdated(VideoMemberView member);
    Task Signal(VideoSignalEvent signal);
}
