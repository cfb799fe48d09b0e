using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

/// <summary>Events of the facilitator tools (names in <see cref="ModerationEvents"/>; docs/protocol.md).</summary>
public partial interface IRoomClient
{
    Task RoomStateChanged(RoomStateView state);
    Task ParticipantUpdated(ParticipantUpdatedEvent e);
    Task LobbyChanged(LobbyChangedEvent e);
    Task MessageDeleted(MessageDeletedEvent e);
    Task ReportReceived(ReportReceivedEvent e);
    Task MediaOffRequested(MediaOffRequestedEvent e);
    Task UnmuteRequested(UnmuteRequestedEvent e);
    Task ShareTimerEnded(ShareTimerEndedEvent e);
    Task CheckInMessageReceived(CheckInMessageView message);
}
