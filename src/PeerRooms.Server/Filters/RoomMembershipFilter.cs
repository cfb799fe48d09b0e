using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Filters;

/// <summary>
/// Membership and room role for every hub method, in one place. A method that takes a room id
/// (see <see cref="HubMethodShape"/>) runs only when this connection has joined that room
/// (<c>not_member</c> otherwise), unless marked <see cref="AllowNonMemberAttribute"/> (JoinRoom).
/// Methods marked <see cref="RequireRoomRoleAttribute"/> additionally require the caller's role in
/// the room's live presence (<c>forbidden</c>). The check is local to the connection and costs a
/// dictionary lookup, so nothing about a room is read or written for a connection outside it.
/// Calls without a role requirement (every message) go on synchronously, without an async state machine.
/// </summary>
public sealed class RoomMembershipFilter(IPresenceStore presence) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var shape = HubMethodShape.Of(context);
        if (shape.TakesRoomId && !shape.AllowNonMember)
        {
            var roomId = InputRules.RequireId(shape.RoomIdOf(context), "roomId");
            if (!ConnectionRooms.Of(context.Context).Contains(roomId))
                throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
            if (shape.RequiredRoomRoles.Count > 0) return CheckRoleAsync(context, next, shape, roomId);
        }
        return next(context);
    }

    /// <summary>The role check reads presence (shared state when scaled out), so only methods that need it await.</summary>
    private async ValueTask<object?> CheckRoleAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next, HubMethodShape shape, string roomId)
    {
        var userId = context.Context.UserIdentifier ?? "";
        var participant = await presence.GetAsync(roomId, userId);
        if (participant is null || !shape.RequiredRoomRoles.Contains(participant.RoomRole))
            throw new PeerRoomsException(ErrorCodes.Forbidden, $"only a room {string.Join(" or ", shape.RequiredRoomRoles)} may do this");
        return await next(context);
    }
}
