using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Escalation;
using PeerRooms.Core.Identity;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Crisis;

/// <summary>
/// The private one-to-one channel between a case's owner and its participant. Messages go from
/// the owner's crisis-hub call to the participant's rooms-hub connections (and back) by user id,
/// across nodes through the backplane. The room never sees them and they are never stored: it is
/// a live conversation; what staff need to keep goes into case notes.
/// </summary>
public sealed class CrisisPrivateChannel(
    IEscalationStore store,
    IHubContext<RoomHub, IRoomClient> rooms,
    IHubContext<CrisisHub, ICrisisClient> crisis,
    IIdGenerator ids,
    TimeProvider time,
    ChatLimits limits)
{
    public const string FromStaff = "crisis-staff";
    public const string FromParticipant = "participant";

    /// <summary>Owner → participant. Only the owner, only while claimed or acknowledged.</summary>
    public async Task<PrivateMessageView> FromStaffAsync(Caller caller, PrivateMessageRequest request, CancellationToken ct = default)
    {
        var (record, text) = await ValidateAsync(request, ct);
        if (record.Case.Owner != caller.UserId) throw PeerRoomsException.Forbidden("only the case owner may message the participant");
        var view = View(record, FromStaff, text);
        await rooms.Clients.User(record.Case.Subject.UserId).CrisisPrivateMessage(view);
        return view;
    }

    /// <summary>Participant → owner. Only the case's own participant (anyone else: <c>not_found</c>).</summary>
    public async Task<PrivateMessageView> FromParticipantAsync(Caller caller, PrivateMessageRequest request, CancellationToken ct = default)
    {
        var (record, text) = await ValidateAsync(request, ct, caller.UserId);
        var view = View(record, FromParticipant, text);
        await crisis.Clients.User(record.Case.Owner!).PrivateMessageReceived(view);
        return view;
    }

    private async Task<(EscalationRecord, string)> ValidateAsync(PrivateMessageRequest request, CancellationToken ct, string? subjectUserId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caseId = InputRules.RequireId(request.CaseId, "caseId");
        var text = InputRules.RequireMessageText(request.Text, limits);
        var record = await store.GetAsync(caseId, ct);
        if (record is null || (subjectUserId is not null && record.Case.Subject.UserId != subjectUserId))
            throw PeerRoomsException.NotFound("case not found");
        if (record.Case.State is not (EscalationState.Claimed or EscalationState.Acknowledged) || record.Case.Owner is null)
            throw new PeerRoomsException(ErrorCodes.InvalidState, "nobody from crisis support has taken this case yet");
        return (record, text);
    }

    private PrivateMessageView View(EscalationRecord record, string from, string text) => new()
    {
        CaseId = record.Case.Id,
        RoomId = record.Case.RoomId,
        MessageId = ids.NewId("pm_"),
        From = from,
        Text = text,
        SentAt = time.GetUtcNow(),
    };
}
