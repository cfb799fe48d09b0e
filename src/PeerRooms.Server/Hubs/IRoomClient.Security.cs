using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

public partial interface IRoomClient
{
    /// <summary><see cref="SecurityEvents.SecurityAlert"/>: to the room's facilitators when a participant hits a limit.</summary>
    Task SecurityAlert(SecurityAlertEvent e);
}
