using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

// Facilitator tools (docs/protocol.md): the session, the lobby, the lock, and the floor (raised hands, share time).
public sealed partial class PeerRoomsClient
{
    /// <summary>Facilitators: opens the meeting (rooms that require a facilitator to start).</summary>
    public Task<RoomStateView> StartSessionAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("StartSession", [roomId], ct);

    /// <summary>Facilitators: ends the meeting for everyone (terminal <c>RoomClosed</c> with <c>session_ended</c>; history is wiped).</summary>
    public Task EndSessionAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync("EndSession", [roomId], ct);

    /// <summary>Facilitators: makes another facilitator the lead.</summary>
    public Task<RoomStateView> HandOverLeadAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("HandOverLead", [roomId, participantId], ct);

    /// <summary>Facilitators: makes a participant a co-facilitator for this session.</summary>
    public Task PromoteCoFacilitatorAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync("PromoteCoFacilitator", [roomId, participantId], ct);

    /// <summary>Facilitators: takes co-facilitation back.</summary>
    public Task DemoteCoFacilitatorAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync("DemoteCoFacilitator", [roomId, participantId], ct);

    /// <summary>Facilitators: who waits in the lobby.</summary>
    public async Task<IReadOnlyList<ParticipantView>> GetLobbyAsync(string roomId, CancellationToken ct = default)
        => await InvokeAsync<ParticipantView[]>("GetLobby", [roomId], ct).ConfigureAwait(false);

    /// <summary>Facilitators: lets one person in from the lobby.</summary>
    public Task AdmitAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync("Admit", [roomId, participantId], ct);

    /// <summary>Facilitators: lets everyone in from the lobby; returns how many.</summary>
    public Task<int> AdmitAllAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<int>("AdmitAll", [roomId], ct);

    /// <summary>Facilitators: turns someone in the lobby away.</summary>
    public Task DenyAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync("Deny", [roomId, participantId], ct);

    /// <summary>Facilitators: moves a participant back to the lobby.</summary>
    public Task SendToLobbyAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync("SendToLobby", [roomId, participantId], ct);

    /// <summary>Facilitators: locks the room (newcomers are refused, or wait in the lobby when <paramref name="allowLobby"/>).</summary>
    public Task<RoomStateView> LockRoomAsync(string roomId, bool allowLobby, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("LockRoom", [roomId, allowLobby], ct);

    /// <summary>Facilitators: unlocks the room.</summary>
    public Task<RoomStateView> UnlockRoomAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("UnlockRoom", [roomId], ct);

    /// <summary>The room's current moderation state.</summary>
    public Task<RoomStateView> GetRoomStateAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("GetRoomState", [roomId], ct);

    /// <summary>Raises this participant's hand (joins the queue to speak).</summary>
    public Task<RoomStateView> RaiseHandAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("RaiseHand", [roomId], ct);

    /// <summary>Lowers this participant's hand.</summary>
    public Task<RoomStateView> LowerHandAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("LowerHand", [roomId], ct);

    /// <summary>Facilitators: lowers someone else's hand.</summary>
    public Task<RoomStateView> LowerHandOfAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("LowerHandOf", [roomId, participantId], ct);

    /// <summary>Facilitators: lowers every raised hand at once.</summary>
    public Task<RoomStateView> LowerAllHandsAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("LowerAllHands", [roomId], ct);

    /// <summary>Facilitators: gives a participant the floor for <paramref name="shareSeconds"/> (0 = untimed).</summary>
    public Task<RoomStateView> GiveFloorAsync(string roomId, string participantId, int shareSeconds, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("GiveFloor", [roomId, participantId, shareSeconds], ct);

    /// <summary>Facilitators: takes the floor back.</summary>
    public Task<RoomStateView> ClearFloorAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("ClearFloor", [roomId], ct);
}
