using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

// Crisis escalation on the rooms hub (docs/protocol.md "Rooms hub: crisis methods/events").
// The crisis console itself (/hubs/crisis) is CrisisConsoleClient.
public sealed partial class PeerRoomsClient
{
    /// <summary>Facilitators: risk was detected (or reported) for a participant of one of their rooms. Show each <c>dedupKey</c> once.</summary>
    public event Action<RiskAlertEvent>? RiskAlert;

    /// <summary>Crisis resources (hotlines, texts, links) for this participant, shown privately.</summary>
    public event Action<CrisisResourcesEvent>? CrisisResources;

    /// <summary>A private message from crisis staff to this participant; the room never sees it.</summary>
    public event Action<PrivateMessageView>? CrisisPrivateMessage;

    /// <summary>"I need help now": opens (or raises) this participant's case at <c>high</c> and pages crisis staff.</summary>
    public Task<EscalationResponse> RequestHelpAsync(string roomId, CancellationToken ct = default)
        => InvokeAsync<EscalationResponse>("RequestHelp", [roomId], ct);

    /// <summary>Facilitators: escalates a participant to crisis staff.</summary>
    public Task<EscalationResponse> EscalateParticipantAsync(EscalateParticipantRequest request, CancellationToken ct = default)
        => InvokeAsync<EscalationResponse>("EscalateParticipant", [request], ct);

    /// <summary>Replies privately to the crisis staff member who owns this participant's case.</summary>
    public Task<PrivateMessageView> ReplyToCrisisStaffAsync(PrivateMessageRequest request, CancellationToken ct = default)
        => InvokeAsync<PrivateMessageView>("ReplyToCrisisStaff", [request], ct);

    private void RegisterCrisisEvents()
    {
        _connection.On<RiskAlertEvent>(CrisisEvents.RiskAlert, e => { lock (_delivery) Raise(CrisisEvents.RiskAlert, RiskAlert, e); });
        _connection.On<CrisisResourcesEvent>(CrisisEvents.CrisisResources, e => { lock (_delivery) Raise(CrisisEvents.CrisisResources, CrisisResources, e); });
        _connection.On<PrivateMessageView>(CrisisEvents.CrisisPrivateMessage, e => { lock (_delivery) Raise(CrisisEvents.CrisisPrivateMessage, CrisisPrivateMessage, e); });
    }
}
