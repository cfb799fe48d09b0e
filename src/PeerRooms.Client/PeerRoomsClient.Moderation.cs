using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

// Facilitator tools (docs/protocol.md, facilitator section): moderation, media, reports, check-ins.
// Methods marked "facilitators" are refused with `forbidden` for anyone else.
public sealed partial class PeerRoomsClient
{
    /// <summary>The room's moderation state changed (full copy: session, lock, mutes, slow mode, pin, floor, hands, media).</summary>
    public event Action<RoomStateView>? RoomStateChanged;

    /// <summary>A participant's record changed (role, status).</summary>
    public event Action<ParticipantUpdatedEvent>? ParticipantUpdated;

    /// <summary>Facilitators: who waits in the lobby now.</summary>
    public event Action<LobbyChangedEvent>? LobbyChanged;

    /// <summary>A facilitator deleted a message; remove it from view.</summary>
    public event Action<MessageDeletedEvent>? MessageDeleted;

    /// <summary>Facilitators: a participant reported a message or a person.</summary>
    public event Action<ReportReceivedEvent>? ReportReceived;

    /// <summary>A facilitator asks this participant to turn a camera or microphone off.</summary>
    public event Action<MediaOffRequestedEvent>? MediaOffRequested;

    /// <summary>Facilitators: a participant asks to be allowed to unmute.</summary>
    public event Action<UnmuteRequestedEvent>? UnmuteRequested;

    /// <summary>Someone's share time ran out.</summary>
    public event Action<ShareTimerEndedEvent>? ShareTimerEnded;

    /// <summary>A private check-in message between a facilitator and a participant.</summary>
    public event Action<CheckInMessageView>? CheckInMessageReceived;

    /// <summary>Facilitators: mutes a participant for <paramref name="minutes"/> (0 = until unmuted).</summary>
    public Task<RoomStateView> MuteParticipantAsync(string roomId, string participantId, int minutes, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("MuteParticipant", [roomId, participantId, minutes], ct);

    /// <summary>Facilitators: lifts a participant's mute.</summary>
    public Task<RoomStateView> UnmuteParticipantAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("UnmuteParticipant", [roomId, participantId], ct);

    /// <summary>Facilitators: mutes everyone but facilitators for <paramref name="minutes"/> (0 = until lifted).</summary>
    public Task<RoomStateView> MuteEveryoneAsync(string roomId, int minutes, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("MuteEveryone", [roomId, minutes], ct);

    /// <summary>Facilitators: lifts the room-wide mute.</summary>
    public Task<RoomStateView> UnmuteEveryoneAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("UnmuteEveryone", [roomId], ct);

    /// <summary>Facilitators: at most one message per <paramref name="seconds"/> per participant; 0 turns slow mode off.</summary>
    public Task<RoomStateView> SetSlowModeAsync(string roomId, int seconds, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("SetSlowMode", [roomId, seconds], ct);

    /// <summary>Facilitators: deletes a message for everyone (and from history).</summary>
    public Task DeleteMessageAsync(string roomId, string messageId, CancellationToken ct = default)
        => InvokeAsync("DeleteMessage", [roomId, messageId], ct);

    /// <summary>Facilitators: pins a message at the top of the room.</summary>
    public Task<RoomStateView> PinMessageAsync(string roomId, string messageId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("PinMessage", [roomId, messageId], ct);

    /// <summary>Facilitators: removes the pinned message.</summary>
    public Task<RoomStateView> UnpinMessageAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("UnpinMessage", [roomId], ct);

    /// <summary>Facilitators: takes a participant out of the room (they get a terminal <c>RoomClosed</c>).</summary>
    public Task RemoveParticipantAsync(string roomId, string participantId, CancellationToken ct = default)
        => InvokeAsync("RemoveParticipant", [roomId, participantId], ct);

    /// <summary>Facilitators: removes a participant and keeps them out for <paramref name="minutes"/>.</summary>
    public Task TimeoutParticipantAsync(string roomId, string participantId, int minutes, CancellationToken ct = default)
        => InvokeAsync("TimeoutParticipant", [roomId, participantId, minutes], ct);

    /// <summary>Facilitators: bans a participant from the room (for the session, or for good when <paramref name="permanent"/>).</summary>
    public Task BanParticipantAsync(string roomId, string participantId, bool permanent, CancellationToken ct = default)
        => InvokeAsync("BanParticipant", [roomId, participantId, permanent], ct);

    /// <summary>Facilitators: asks a participant to turn a device (<c>mic</c> or <c>camera</c>) off.</summary>
    public Task RequestMediaOffAsync(string roomId, string participantId, string kind, CancellationToken ct = default)
        => InvokeAsync("RequestMediaOff", [roomId, participantId, kind], ct);

    /// <summary>Facilitators: turns a participant's device off and keeps it off.</summary>
    public Task<RoomStateView> ForceMediaOffAsync(string roomId, string participantId, string kind, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("ForceMediaOff", [roomId, participantId, kind], ct);

    /// <summary>Facilitators: allows a device that was forced off.</summary>
    public Task<RoomStateView> AllowMediaAsync(string roomId, string participantId, string kind, CancellationToken ct = default)
        => InvokeAsync<RoomStateView>("AllowMedia", [roomId, participantId, kind], ct);

    /// <summary>Tells the room this participant's device (<c>mic</c> or <c>camera</c>) is on or off.</summary>
    public Task SetMediaStateAsync(string roomId, string kind, bool on, CancellationToken ct = default)
        => InvokeAsync("SetMediaState", [roomId, kind, on], ct);

    /// <summary>Asks the facilitators to allow a device that was forced off.</summary>
    public Task AskToUnmuteAsync(string roomId, string kind, CancellationToken ct = default)
        => InvokeAsync("AskToUnmute", [roomId, kind], ct);

    /// <summary>Reports a message or a participant to the room's facilitators; returns the report id.</summary>
    public Task<string> ReportAsync(ReportRequest request, CancellationToken ct = default)
        => InvokeAsync<string>("Report", [request], ct);

    /// <summary>A private check-in message between a facilitator and a participant of the room.</summary>
    public Task<CheckInMessageView> SendCheckInMessageAsync(CheckInMessageRequest request, CancellationToken ct = default)
        => InvokeAsync<CheckInMessageView>("SendCheckInMessage", [request], ct);

    private void RegisterModerationEvents()
    {
        _connection.On<RoomStateView>(ModerationEvents.RoomStateChanged, e => { lock (_delivery) Raise(ModerationEvents.RoomStateChanged, RoomStateChanged, e); });
        _connection.On<ParticipantUpdatedEvent>(ModerationEvents.ParticipantUpdated, e => { lock (_delivery) Raise(ModerationEvents.ParticipantUpdated, ParticipantUpdated, e); });
        _connection.On<LobbyChangedEvent>(ModerationEvents.LobbyChanged, e => { lock (_delivery) Raise(ModerationEvents.LobbyChanged, LobbyChanged, e); });
        _connection.On<MessageDeletedEvent>(ModerationEvents.MessageDeleted, e => { lock (_delivery) Raise(ModerationEvents.MessageDeleted, MessageDeleted, e); });
        _connection.On<ReportReceivedEvent>(ModerationEvents.ReportReceived, e => { lock (_delivery) Raise(ModerationEvents.ReportReceived, ReportReceived, e); });
        _connection.On<MediaOffRequestedEvent>(ModerationEvents.MediaOffRequested, e => { lock (_delivery) Raise(ModerationEvents.MediaOffRequested, MediaOffRequested, e); });
        _connection.On<UnmuteRequestedEvent>(ModerationEvents.UnmuteRequested, e => { lock (_delivery) Raise(ModerationEvents.UnmuteRequested, UnmuteRequested, e); });
        _connection.On<ShareTimerEndedEvent>(ModerationEvents.ShareTimerEnded, e => { lock (_delivery) Raise(ModerationEvents.ShareTimerEnded, ShareTimerEnded, e); });
        _connection.On<CheckInMessageView>(ModerationEvents.CheckInMessageReceived, e => { lock (_delivery) Raise(ModerationEvents.CheckInMessageReceived, CheckInMessageReceived, e); });
    }
}
