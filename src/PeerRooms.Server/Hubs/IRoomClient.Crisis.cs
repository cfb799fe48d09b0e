using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

/// <summary>Crisis events on the rooms hub (names: <see cref="CrisisEvents"/>).</summary>
public partial interface IRoomClient
{
    /// <summary>To the room's facilitators only.</summary>
    Task RiskAlert(RiskAlertEvent e);

    /// <summary>To the at-risk participant only.</summary>
    Task CrisisResources(CrisisResourcesEvent e);

    /// <summary>To the case's participant only: a message from crisis staff on the private channel.</summary>
    Task CrisisPrivateMessage(PrivateMessageView e);
}
