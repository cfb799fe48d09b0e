using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Hubs;

/// <summary>Fan-out of the disclosure feature's events (see docs/protocol.md, "Safe disclosure").</summary>
public sealed class DisclosureBroadcaster(IHubContext<RoomHub, IRoomClient> hub, ParticipantFanOut participants)
{
    /// <summary>A participant changed their attributes: each recipient gets the view their role allows; their own connections the full one.</summary>
    public Task ParticipantUpdatedAsync(string roomId, Participant participant)
        => participants.SendAsync(roomId, participant,
            (client, view) => client.ParticipantUpdated(new ParticipantUpdatedEvent { RoomId = roomId, Participant = view }),
            [], includeSelf: true);

    /// <summary>Withdraws a retracted message from everyone who could have received it (its audience, and its author).</summary>
    public Task MessageRetractedAsync(string roomId, ChatMessage message)
    {
        var e = new MessageRetractedEvent { RoomId = roomId, MessageId = message.MessageId };
        if (message.Audience == MessageAudience.Everyone) return hub.Clients.Group(RoomGroups.Members(roomId)).MessageRetracted(e);
        return Task.WhenAll(hub.Clients.Group(RoomGroups.Facilitators(roomId)).MessageRetracted(e),
            hub.Clients.User(message.SenderUserId).MessageRetracted(e));
    }
}
