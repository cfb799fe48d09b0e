using Microsoft.AspNetCore.Mvc;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Filters;

namespace PeerRooms.Server.Hubs;

// Facilitator tools: session, lead and co-facilitators, lobby and lock (docs/protocol.md, "Facilitator tools").
public sealed partial class RoomHub
{
    [FacilitatorOnly]
    public async Task<RoomStateView> StartSession(string roomId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Sessions.StartAsync(Context.User.ToCaller(), roomId));

    [FacilitatorOnly]
    public async Task EndSession(string roomId, [FromServices] ModerationTools tools)
        => await tools.Broadcast.ApplyAsync(await tools.Sessions.EndAsync(Context.User.ToCaller(), roomId));

    [FacilitatorOnly]
    public async Task<RoomStateView> HandOverLead(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Sessions.HandOverLeadAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task PromoteCoFacilitator(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Sessions.PromoteAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task DemoteCoFacilitator(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Sessions.DemoteAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task<IReadOnlyList<ParticipantView>> GetLobby(string roomId, [FromServices] ModerationTools tools)
        => (await tools.Lobby.GetLobbyAsync(Context.User.ToCaller(), roomId)).Select(p => p.ToView(Core.Disclosure.AttributeViewer.Facilitator)).ToArray();

    [FacilitatorOnly]
    public async Task Admit(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.Broadcast.ApplyAsync(await tools.Lobby.AdmitAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task<int> AdmitAll(string roomId, [FromServices] ModerationTools tools)
    {
        var result = await tools.Lobby.AdmitAllAsync(Context.User.ToCaller(), roomId);
        await tools.Broadcast.ApplyAsync(result);
        return result.Changes.Count;
    }

    [FacilitatorOnly]
    public async Task Deny(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.Broadcast.ApplyAsync(await tools.Lobby.DenyAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task SendToLobby(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.Broadcast.ApplyAsync(await tools.Lobby.SendToLobbyAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task<RoomStateView> LockRoom(string roomId, bool allowLobby, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Lobby.LockAsync(Context.User.ToCaller(), roomId, allowLobby));

    [FacilitatorOnly]
    public async Task<RoomStateView> UnlockRoom(string roomId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Lobby.UnlockAsync(Context.User.ToCaller(), roomId));

    /// <summary>Any member: the room's moderation state (the lobby gets the reduced view).</summary>
    public async Task<RoomStateView> GetRoomState(string roomId, [FromServices] ModerationTools tools)
    {
        RequireJoined(roomId);
        return await tools.State.GetAsync(Context.User.ToCaller(), roomId);
    }
}
