using PeerRooms.Core.Contracts;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Moderation;

/// <summary>Builds the RoomStateView members see (and the reduced one the lobby sees).</summary>
public sealed class RoomStateReader(ModerationContext m)
{
    public async Task<RoomStateView> ViewAsync(Room room, bool forLobby, CancellationToken ct = default)
    {
        var state = await m.Store.GetAsync(room.Id, ct);
        var roster = await m.Presence.GetRosterAsync(room.Id, ct);
        return state.ToView(room, roster, m.Now, forLobby);
    }

    public async Task<RoomStateView> ViewAsync(Room room, RoomModeration state, CancellationToken ct = default)
        => state.ToView(room, await m.Presence.GetRosterAsync(room.Id, ct), m.Now);

    /// <summary>For a member: the full view when admitted, the lobby's view otherwise.</summary>
    public async Task<RoomStateView> GetAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var me = await m.RequireMemberAsync(roomId, caller, ct);
        var room = await m.RequireRoomAsync(roomId!, ct);
        return await ViewAsync(room, forLobby: !me.IsAdmitted, ct);
    }

    public async Task<IReadOnlyList<Participant>> LobbyAsync(string roomId, CancellationToken ct = default)
        => (await m.Presence.GetRosterAsync(roomId, ct)).Where(p => !p.IsAdmitted).ToArray();
}
