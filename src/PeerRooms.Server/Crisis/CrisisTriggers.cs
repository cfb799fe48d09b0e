using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Escalation;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Crisis;

/// <summary>
/// The three ways a case starts: the detector flagged a message (<see cref="OnMessageStoredAsync"/>,
/// an <see cref="IMessageObserver"/> that runs after delivery), the participant asked for help
/// (<see cref="RequestHelpAsync"/>), or a facilitator escalated a participant
/// (<see cref="EscalateAsync"/>). All go through <see cref="EscalationService.RaiseAsync"/>, which
/// writes the case and its pages durably before anyone is told.
/// </summary>
public sealed class CrisisTriggers(
    EscalationService escalations,
    RoomChatService chat,
    IPresenceStore presence,
    IRoomRepository rooms,
    CrisisResourcesCatalog resources,
    IHubContext<RoomHub, IRoomClient> hub) : IMessageObserver
{
    public async ValueTask OnMessageStoredAsync(SendContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(CrisisAssessment.ItemKey, out var item) || item is not CrisisAssessment assessment) return;
        var m = context.Message;
        var signal = new EscalationSignal(context.Room, Subject(context.Sender), assessment.Severity, assessment.Categories,
            EscalationTrigger.Detection, new TriggeringMessage(m.MessageId, m.Text, m.SentAt), "detector");
        var result = await escalations.RaiseAsync(signal, ct);
        if (result.Changed && assessment.Action.ShowCrisisResources) await SendResourcesAsync(context.Room, context.Caller.UserId);
    }

    /// <summary>"I need help now": a high case for the caller, pages crisis staff, shows the resources card.</summary>
    public async Task<EscalationResponse> RequestHelpAsync(Caller caller, string roomId, CancellationToken ct = default)
    {
        var participant = await chat.RequireAdmittedAsync(roomId, caller, ct);
        var room = await RequireRoomAsync(roomId, ct);
        var result = await escalations.RaiseAsync(new EscalationSignal(room, Subject(participant), CrisisSeverity.High, [],
            EscalationTrigger.SelfReport, null, caller.UserId), ct);
        await SendResourcesAsync(room, caller.UserId);
        return Response(result.Record);
    }

    /// <summary>A facilitator of the room (by the caller's room role in presence) escalates a participant.</summary>
    public async Task<EscalationResponse> EscalateAsync(Caller caller, EscalateParticipantRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roomId = InputRules.RequireId(request.RoomId, "roomId");
        var participantId = InputRules.RequireId(request.ParticipantId, "participantId");
        var severity = CrisisSeverity.High;
        if (request.Severity is not null && (!CrisisSeverityNames.TryParse(request.Severity, out severity) || severity == CrisisSeverity.None))
            throw PeerRoomsException.Invalid("severity must be concern, high or imminent");
        if (request.Note is { Length: > 4000 }) throw PeerRoomsException.Invalid("note must be at most 4000 characters");
        var me = await chat.RequireMemberAsync(roomId, caller, ct);
        if (!me.IsFacilitator) throw PeerRoomsException.Forbidden("only the room's facilitators may escalate a participant");
        var target = (await presence.GetRosterAsync(roomId, ct)).FirstOrDefault(p => p.ParticipantId == participantId)
            ?? throw PeerRoomsException.NotFound("no such participant in this room");
        var room = await RequireRoomAsync(roomId, ct);
        var result = await escalations.RaiseAsync(new EscalationSignal(room, Subject(target), severity, [],
            EscalationTrigger.Facilitator, null, caller.UserId, request.Note), ct);
        return Response(result.Record);
    }

    private Task SendResourcesAsync(Room room, string userId)
    {
        var (language, list) = resources.For(room.Language);
        return hub.Clients.User(userId).CrisisResources(new CrisisResourcesEvent { RoomId = room.Id, Language = language, Resources = list });
    }

    private async Task<Room> RequireRoomAsync(string roomId, CancellationToken ct)
        => await rooms.GetAsync(roomId, ct) ?? throw PeerRoomsException.NotFound("room not found");

    private static EscalationSubject Subject(Participant p) => new(p.ParticipantId, p.DisplayName, p.UserId);

    private static EscalationResponse Response(EscalationRecord r) => new()
    {
        CaseId = r.Case.Id,
        Severity = r.Case.Severity.ToWireName(),
        State = r.Case.State.ToWireName(),
    };
}
