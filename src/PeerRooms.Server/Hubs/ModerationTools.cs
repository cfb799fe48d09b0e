using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The facilitator-tool services a hub method needs, injected into the method as one parameter (so
/// the partial hub files need no constructor changes).
/// </summary>
public sealed class ModerationTools(
    SessionService sessions,
    LobbyService lobby,
    ChatModerationService chat,
    SanctionService sanctions,
    MediaControlService media,
    FloorService floor,
    CheckInService checkIns,
    RoomStateReader state,
    ModerationBroadcaster broadcast)
{
    public SessionService Sessions { get; } = sessions;
    public LobbyService Lobby { get; } = lobby;
    public ChatModerationService Chat { get; } = chat;
    public SanctionService Sanctions { get; } = sanctions;
    public MediaControlService Media { get; } = media;
    public FloorService Floor { get; } = floor;
    public CheckInService CheckIns { get; } = checkIns;
    public RoomStateReader State { get; } = state;
    public ModerationBroadcaster Broadcast { get; } = broadcast;

    /// <summary>Fans out a result and returns the room state members now see.</summary>
    public async Task<Core.Contracts.RoomStateView> ApplyAsync(ModerationResult result)
    {
        await Broadcast.ApplyAsync(result);
        return result.State is { } s ? await State.ViewAsync(result.Room, s) : await State.ViewAsync(result.Room, forLobby: false);
    }
}
