using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Moderation;

/// <summary>A private message and the connections of the two people who may see it.</summary>
public sealed record CheckInDelivery(CheckInMessageView Message, IReadOnlyList<ConnectionRef> RecipientConnections, IReadOnlyList<ConnectionRef> SenderConnections);

/// <summary>
/// Private check-ins inside a room: a facilitator and one participant (admitted or in the lobby)
/// exchange messages nobody else receives. One side must be a facilitator, so participants cannot
/// use it to message each other. Never stored in history, never audited, never logged.
/// </summary>
public sealed class CheckInService(IPresenceStore presence, FacilitatorGuard guard, IIdGenerator ids, TimeProvider time, ChatLimits limits)
{
    public async Task<CheckInDelivery> SendAsync(Caller caller, CheckInMessageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roomId = InputRules.RequireId(request.RoomId, "roomId");
        InputRules.RequireId(request.ToParticipantId, "toParticipantId");
        var text = InputRules.RequireMessageText(request.Text, limits);
        var sender = await presence.GetAsync(roomId, caller.UserId, ct) ?? throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
        var recipient = await guard.RequireParticipantAsync(roomId, request.ToParticipantId, ct);
        if (recipient.UserId == sender.UserId) throw PeerRoomsException.Invalid("you cannot message yourself");
        var facilitatorInvolved = (sender.IsFacilitator && sender.IsAdmitted) || (recipient.IsFacilitator && recipient.IsAdmitted);
        if (!facilitatorInvolved) throw PeerRoomsException.Forbidden("private messages are between a facilitator and a participant");
        var view = new CheckInMessageView
        {
            RoomId = roomId,
            MessageId = ids.NewId("pm_"),
            FromParticipantId = sender.ParticipantId,
            FromDisplayName = sender.DisplayName,
            ToParticipantId = recipient.ParticipantId,
            Text = text,
            SentAt = time.GetUtcNow(),
        };
        return new CheckInDelivery(view,
            await presence.GetConnectionsAsync(roomId, recipient.UserId, ct),
            await presence.GetConnectionsAsync(roomId, sender.UserId, ct));
    }
}
