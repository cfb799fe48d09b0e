using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Sends an event that carries a participant view, filtered per recipient: the room's facilitators
/// get the facilitator view (<c>everyone</c> + <c>facilitators</c> attributes), every other member
/// the participant view (<c>everyone</c> only), and the participant's own connections the self view.
/// <para>
/// How: the full view goes to the <see cref="RoomGroups.Facilitators"/> group; the filtered view to
/// the <see cref="RoomGroups.Members"/> group except the connections of the room's facilitators
/// (read from presence, so it is right on every node and after any role change). A connection can
/// only get more than the participant view by being in the facilitators group, which the hub keeps
/// for connections of facilitators only. A facilitator connection caught between presence and group
/// membership may miss the event; it never receives a wider view than its role allows.
/// </para>
/// </summary>
public sealed class ParticipantFanOut(IHubContext<RoomHub, IRoomClient> hub, IPresenceStore presence)
{
    /// <param name="send">Sends the event with the given view to the given clients.</param>
    /// <param name="exceptConnectionIds">Connections that get nothing (e.g. the one that joined and got the roster in its reply).</param>
    /// <param name="includeSelf">Whether the participant's own connections get the self view.</param>
    public async Task SendAsync(string roomId, Participant subject, Func<IRoomClient, ParticipantView, Task> send,
        IReadOnlyCollection<string> exceptConnectionIds, bool includeSelf)
    {
        var roster = await presence.GetRosterAsync(roomId);
        var facilitatorConnections = new List<string>();
        foreach (var facilitator in roster.Where(p => p.IsFacilitator && p.UserId != subject.UserId))
            facilitatorConnections.AddRange((await presence.GetConnectionsAsync(roomId, facilitator.UserId)).Select(c => c.ConnectionId));
        var own = (await presence.GetConnectionsAsync(roomId, subject.UserId)).Select(c => c.ConnectionId).ToList();
        var notToOthers = own.Concat(exceptConnectionIds).Distinct(StringComparer.Ordinal).ToList();

        var sends = new List<Task>
        {
            send(hub.Clients.GroupExcept(RoomGroups.Facilitators(roomId), notToOthers), subject.ToView(AttributeViewer.Facilitator)),
            send(hub.Clients.GroupExcept(RoomGroups.Members(roomId), [.. notToOthers, .. facilitatorConnections]), subject.ToView(AttributeViewer.Participant)),
        };
        var ownTargets = includeSelf ? own.Except(exceptConnectionIds, StringComparer.Ordinal).ToList() : [];
        if (ownTargets.Count > 0) sends.Add(send(hub.Clients.Clients(ownTargets), subject.ToView(AttributeViewer.Self)));
        await Task.WhenAll(sends);
    }
}
