using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

// Safe disclosure (docs/protocol.md "Safe disclosure"): personal attributes, retraction, content preferences.
// Sender notices (e.g. a masked phone number) come back on SendMessageResponse.Notices.
public sealed partial class PeerRoomsClient
{
    /// <summary>A message was retracted by its sender; remove it from view.</summary>
    public event Action<MessageRetractedEvent>? MessageRetracted;

    /// <summary>Replaces this participant's personal attributes in a room (each with its audience); returns their own full view.</summary>
    public Task<ParticipantView> SetAttributesAsync(SetAttributesRequest request, CancellationToken ct = default)
        => InvokeAsync<ParticipantView>("SetAttributes", [request], ct);

    /// <summary>Retracts one of this participant's own messages: gone from history and from every client.</summary>
    public Task RetractMessageAsync(string roomId, string messageId, CancellationToken ct = default)
        => InvokeAsync("RetractMessage", [roomId, messageId], ct);

    /// <summary>The user's content preferences (topics always collapsed).</summary>
    public Task<ContentPreferences> GetContentPreferencesAsync(CancellationToken ct = default)
        => InvokeAsync<ContentPreferences>("GetContentPreferences", [], ct);

    /// <summary>Replaces the user's content preferences.</summary>
    public Task<ContentPreferences> SetContentPreferencesAsync(ContentPreferences preferences, CancellationToken ct = default)
        => InvokeAsync<ContentPreferences>("SetContentPreferences", [preferences], ct);

    private void RegisterDisclosureEvents()
        => _connection.On<MessageRetractedEvent>(DisclosureEvents.MessageRetracted, e => { lock (_delivery) Raise(DisclosureEvents.MessageRetracted, MessageRetracted, e); });
}
