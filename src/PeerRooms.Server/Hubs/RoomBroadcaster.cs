using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Fan-out of room events to SignalR groups. Through the Redis backplane when scaled out, which is
/// at-most-once and keeps nothing: anything that must not be lost is stored before it is sent, and
/// clients recover gaps from history by sequence number.
/// </summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub)
{
    /// <summary>Delivers a stored message to the members its audience allows (the sender always sees their own).</summary>
    public Task MessageAsync(string roomId, ChatMessage message, Participant sender)
    {
        var view = message.ToView(roomId);
        if (message.Audience == MessageAudience.Everyone) return hub.Clients.Group(RoomGroups.Members(roomId)).MessageReceived(view);
        var facilitators = hub.Clients.Group(RoomGroups.Facilitators(roomId)).MessageReceived(view);
        return sender.IsFacilitator ? facilitators
            : Task.WhenAll(facilitators, hub.Clients.User(sender.UserId).MessageReceived(view));
    }

    public Task JoinedAsync(string roomId, Participant participant, string exceptConnectionId)
        => hub.Clients.GroupExcept(RoomGroups.Members(roomId), exceptConnectionId)
            .ParticipantJoined(new ParticipantJoinedEvent { RoomId = roomId, Participant = participant.ToView() });

    public Task LeftAsync(string roomId, Participant participant)
        => hub.Clients.Group(RoomGroups.Members(roomId))
            .ParticipantLeft(new ParticipantLeftEvent { RoomId = roomId, ParticipantId = participant.ParticipantId });

    public Task TypingAsync(string roomId, Participant participant, bool typing, string exceptConnectionId)
        => hub.Clients.GroupExcept(RoomGroups.Members(roomId), exceptConnectionId)
            .Typing(new TypingEvent { RoomId = roomId, ParticipantId = participant.ParticipantId, Typing = typing });
}
