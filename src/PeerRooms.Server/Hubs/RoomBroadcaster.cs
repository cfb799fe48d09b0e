using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Telemetry;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Fan-out of room events to SignalR groups. Through the Redis backplane when scaled out, which is
/// at-most-once and keeps nothing: anything that must not be lost is stored before it is sent, and
/// clients recover gaps from history by sequence number.
/// </summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub, IRoomClient> hub, PeerRoomsMetrics metrics, IOptions<PeerRoomsOptions> options, ParticipantFanOut participants, VideoDepartures video)
{
    private readonly bool _viaRedis = !string.IsNullOrWhiteSpace(options.Value.Redis);

    /// <summary>Delivers a stored message to the members its audience allows (the sender always sees their own).</summary>
    public async Task MessageAsync(string roomId, ChatMessage message, Participant sender)
    {
        var started = Stopwatch.GetTimestamp();
        var view = message.ToView(roomId);
        if (message.Audience == MessageAudience.Everyone)
        {
            await hub.Clients.Group(RoomGroups.Members(roomId)).MessageReceived(view);
        }
        else
        {
            var facilitators = hub.Clients.Group(RoomGroups.Facilitators(roomId)).MessageReceived(view);
            await (sender.IsFacilitator ? facilitators
                : Task.WhenAll(facilitators, hub.Clients.User(sender.UserId).MessageReceived(view)));
        }
        metrics.MessageDelivered(message.Audience, Stopwatch.GetElapsedTime(started), _viaRedis);
    }

    /// <summary>Announces a new participant; each recipient gets the attributes their role allows (<see cref="ParticipantFanOut"/>).</summary>
    public Task JoinedAsync(string roomId, Participant participant, string exceptConnectionId)
        => participants.SendAsync(roomId, participant,
            (client, view) => client.ParticipantJoined(new ParticipantJoinedEvent { RoomId = roomId, Participant = view }),
            [exceptConnectionId], includeSelf: false);

    /// <summary>A participant left the room (last connection gone, or their node died): out of the video session too, then ParticipantLeft.</summary>
    public async Task LeftAsync(string roomId, Participant participant)
    {
        await video.DropAsync(roomId, participant.UserId, "left_room");
        await hub.Clients.Group(RoomGroups.Members(roomId))
            .ParticipantLeft(new ParticipantLeftEvent { RoomId = roomId, ParticipantId = participant.ParticipantId });
    }

    public Task TypingAsync(string roomId, Participant participant, bool typing, string exceptConnectionId)
        => hub.Clients.GroupExcept(RoomGroups.Members(roomId), exceptConnectionId)
            .Typing(new TypingEvent { RoomId = roomId, ParticipantId = participant.ParticipantId, Typing = typing });
}
