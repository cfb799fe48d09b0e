using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Fans out what a facilitator action changed (a <see cref="ModerationResult"/>, already stored):
/// moves connections between groups, closes ejected participants' room connections, and sends the
/// events. Targets are addressed by connection id, so this works for people on any node.
/// </summary>
public sealed class ModerationBroadcaster(
    IHubContext<RoomHub, IRoomClient> hub,
    RoomMembership membership,
    RoomStateReader reader,
    ShareTimers timers,
    ParticipantFanOut participants,
    VideoDepartures video,
    ILogger<ModerationBroadcaster> logger)
{
    public async Task ApplyAsync(ModerationResult result)
    {
        var roomId = result.Room.Id;
        foreach (var change in result.Changes) await ApplyAsync(roomId, change);
        if (result.LobbyChanged) await LobbyAsync(roomId);
        if (result.State is { } state)
        {
            await hub.Clients.Group(RoomGroups.Members(roomId)).RoomStateChanged(await reader.ViewAsync(result.Room, state));
            timers.Schedule(roomId, state.Floor);
        }
    }

    public async Task LobbyAsync(string roomId)
    {
        var waiting = await reader.LobbyAsync(roomId);
        await hub.Clients.Group(RoomGroups.Facilitators(roomId)).LobbyChanged(new LobbyChangedEvent
        {
            RoomId = roomId, Waiting = waiting.Select(p => p.ToView(AttributeViewer.Facilitator)).ToArray(),
        });
    }

    private async Task ApplyAsync(string roomId, ParticipantChange change)
    {
        var ids = change.Connections.Select(c => c.ConnectionId).ToArray();
        // Each recipient gets the attributes their role allows; the participant's own connections the self view.
        Task SendUpdatedAsync() => participants.SendAsync(roomId, change.Participant,
            (client, view) => client.ParticipantUpdated(new ParticipantUpdatedEvent { RoomId = roomId, Participant = view }), [], includeSelf: true);
        switch (change.Kind)
        {
            case ParticipantChangeKinds.Ejected:
                // Tell them first, then take their connections out of every group of the room.
                var reason = change.CloseReason ?? CloseReasons.Removed;
                if (ids.Length > 0)
                    await hub.Clients.Clients(ids).RoomClosed(new RoomClosedEvent { RoomId = roomId, Reason = reason, Terminal = CloseReasons.IsTerminal(reason) });
                await Task.WhenAll(ids.Select(id => membership.RemoveAsync(roomId, id)));
                await video.DropAsync(roomId, change.Participant.UserId, reason);
                if (reason != CloseReasons.SessionEnded)
                    await hub.Clients.Group(RoomGroups.Members(roomId)).ParticipantLeft(new ParticipantLeftEvent { RoomId = roomId, ParticipantId = change.Participant.ParticipantId });
                ModerationLog.Ejected(logger, roomId, reason, ids.Length);
                break;
            case ParticipantChangeKinds.SentToLobby:
                // The lobby sees nothing of the room, video included: their client closes video on VideoRemoved.
                await membership.PlaceAllAsync(roomId, change.Connections, change.Participant);
                if (await video.DropAsync(roomId, change.Participant.UserId, ParticipantChangeKinds.SentToLobby) && ids.Length > 0)
                    await hub.Clients.Clients(ids).VideoRemoved(new VideoRemovedEvent { RoomId = roomId, Reason = VideoRemovedReasons.SentToLobby });
                await SendUpdatedAsync();
                break;
            default:
                // Admitted, promoted, demoted: move groups first so the participant gets the event too.
                await membership.PlaceAllAsync(roomId, change.Connections, change.Participant);
                await SendUpdatedAsync();
                break;
        }
    }

    /// <summary>Sends an event to specific connections (the target of a request, the two sides of a private message).</summary>
    public IRoomClient To(IEnumerable<ConnectionRef> connections) => hub.Clients.Clients(connections.Select(c => c.ConnectionId).Distinct().ToArray());

    public IRoomClient Members(string roomId) => hub.Clients.Group(RoomGroups.Members(roomId));

    public IRoomClient Facilitators(string roomId) => hub.Clients.Group(RoomGroups.Facilitators(roomId));
}
