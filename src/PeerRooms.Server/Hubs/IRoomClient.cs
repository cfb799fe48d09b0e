using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Hubs;

/// <summary>Events the rooms hub sends. Method names are the wire event names (see <see cref="RoomEvents"/>).</summary>
public interface IRoomClient
{
    Task ParticipantJoined(ParticipantJoinedEvent e);
    Task ParticipantLeft(ParticipantLeftEvent e);
    Task MessageReceived(MessageView message);
    Task Typing(TypingEvent e);
    Task RoomClosed(RoomClosedEvent e);
}
