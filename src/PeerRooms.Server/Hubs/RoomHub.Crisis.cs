using Microsoft.AspNetCore.Mvc;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Crisis;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Crisis methods of the rooms hub (docs/protocol.md, "Rooms hub: crisis methods"). Services come
/// in as [FromServices] method parameters (clients send only the wire arguments), so this partial
/// file needs no change to the hub's constructor.
/// </summary>
public sealed partial class RoomHub
{
    /// <summary>"I need help now": opens (or raises) the caller's case at high and pages crisis staff.</summary>
    public Task<EscalationResponse> RequestHelp(string roomId, [FromServices] CrisisTriggers crisis)
    {
        RequireJoined(roomId);
        return crisis.RequestHelpAsync(Context.User.ToCaller(), roomId);
    }

    /// <summary>A facilitator of the room escalates a participant (checked against the caller's room role in presence).</summary>
    public Task<EscalationResponse> EscalateParticipant(EscalateParticipantRequest request, [FromServices] CrisisTriggers crisis)
    {
        RequireJoined(request.RoomId);
        return crisis.EscalateAsync(Context.User.ToCaller(), request);
    }

    /// <summary>The participant answers crisis staff on the private channel of their case.</summary>
    public Task<PrivateMessageView> ReplyToCrisisStaff(PrivateMessageRequest request, [FromServices] CrisisPrivateChannel channel)
        => channel.FromParticipantAsync(Context.User.ToCaller(), request);
}
