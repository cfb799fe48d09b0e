using Microsoft.AspNetCore.Mvc;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Filters;

namespace PeerRooms.Server.Hubs;

// Facilitator tools: raised hands, the floor and share timers.
public sealed partial class RoomHub
{
    /// <summary>Any admitted member.</summary>
    public async Task<RoomStateView> RaiseHand(string roomId, [FromServices] ModerationTools tools)
    {
        RequireJoined(roomId);
        return await tools.ApplyAsync(await tools.Floor.RaiseHandAsync(Context.User.ToCaller(), roomId));
    }

    /// <summary>Any member: lower their own hand.</summary>
    public async Task<RoomStateView> LowerHand(string roomId, [FromServices] ModerationTools tools)
    {
        RequireJoined(roomId);
        return await tools.ApplyAsync(await tools.Floor.LowerHandAsync(Context.User.ToCaller(), roomId));
    }

    [FacilitatorOnly]
    public async Task<RoomStateView> LowerHandOf(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Floor.LowerHandOfAsync(Context.User.ToCaller(), roomId, participantId));

    /// <summary>Lowers every raised hand at once.</summary>
    [FacilitatorOnly]
    public async Task<RoomStateView> LowerAllHands(string roomId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Floor.LowerAllHandsAsync(Context.User.ToCaller(), roomId));

    /// <summary>Gives the floor to <paramref name="participantId"/> ("" = the first raised hand) with a share timer of <paramref name="shareSeconds"/> (0 = none).</summary>
    [FacilitatorOnly]
    public async Task<RoomStateView> GiveFloor(string roomId, string participantId, int shareSeconds, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Floor.GiveFloorAsync(Context.User.ToCaller(), roomId, participantId, shareSeconds));

    [FacilitatorOnly]
    public async Task<RoomStateView> ClearFloor(string roomId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Floor.ClearFloorAsync(Context.User.ToCaller(), roomId));
}
