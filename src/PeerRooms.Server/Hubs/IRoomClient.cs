using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Events the rooms hub sends. Method names are the wire event names (see <see cref="RoomEvents"/>).
/// Partial: each feature declares its events in its own file (IRoomClient.Feature.cs).
/// </summary>
public partial interface IRoomClient
{
    Task ParticipantJoined(ParticipantJoinedEvent e);
    Task ParticipantLeft(ParticipantLeftEvent e);
    Task MessageReceived(MessageView message);
    Task Typing(TypingEvent e);
    Task RoomClosed(RoomClosedEvent e);
}
