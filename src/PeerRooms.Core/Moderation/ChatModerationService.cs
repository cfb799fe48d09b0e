using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Moderation;

/// <summary>What a deleted message was (for the host's MessageDeleted event).</summary>
public sealed record MessageDeletion(ModerationResult Result, string MessageId);

/// <summary>
/// Facilitator control of the chat: mute one participant or everyone but facilitators (for some
/// minutes or until lifted), slow mode, deleting any message for everyone, pinning one message.
/// Participants' reports go to the room's facilitators only and are not audited (they are not
/// moderation actions, and their reason text must not reach an admin log).
/// </summary>
public sealed class ChatModerationService(ModerationContext m)
{
    public const int MaxReportReasonLength = 500;

    public async Task<ModerationResult> MuteAsync(Caller caller, string? roomId, string? participantId, int minutes, CancellationToken ct = default)
    {
        ModerationContext.RequireMinutes(minutes, allowZero: true);
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireSanctionableAsync(f, participantId, ct);
        await m.AuditAsync(f, AuditActions.Muted, target, detail: $"minutes={minutes}", ct: ct);
        DateTimeOffset? until = minutes == 0 ? null : m.Now.AddMinutes(minutes);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Mutes = s.Mutes.With(target.UserId, until) }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    public async Task<ModerationResult> UnmuteAsync(Caller caller, string? roomId, string? participantId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var target = await m.Guard.RequireParticipantAsync(f.Room.Id, participantId, ct);
        await m.AuditAsync(f, AuditActions.Unmuted, target, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Mutes = s.Mutes.Without(target.UserId) }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    public async Task<ModerationResult> MuteEveryoneAsync(Caller caller, string? roomId, int minutes, CancellationToken ct = default)
    {
        ModerationContext.RequireMinutes(minutes, allowZero: true);
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.MutedEveryone, detail: $"minutes={minutes}", ct: ct);
        DateTimeOffset? until = minutes == 0 ? null : m.Now.AddMinutes(minutes);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { EveryoneMuted = true, EveryoneMutedUntil = until }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    public async Task<ModerationResult> UnmuteEveryoneAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.UnmutedEveryone, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { EveryoneMuted = false, EveryoneMutedUntil = null }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>Slow mode for this session (0 = off), overriding the room policy's value until the session ends.</summary>
    public async Task<ModerationResult> SetSlowModeAsync(Caller caller, string? roomId, int seconds, CancellationToken ct = default)
    {
        if (seconds is < 0 or > 3600) throw PeerRoomsException.Invalid("seconds must be 0-3600");
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.SlowModeSet, detail: $"seconds={seconds}", ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { SlowModeSeconds = seconds }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>Deletes a message from live history for everyone (and unpins it).</summary>
    public async Task<MessageDeletion> DeleteMessageAsync(Caller caller, string? roomId, string? messageId, CancellationToken ct = default)
    {
        var id = InputRules.RequireId(messageId, "messageId");
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var message = await FindAsync(f.Room, id, ct);
        var sender = new Participant { ParticipantId = message.SenderParticipantId, UserId = message.SenderUserId, DisplayName = "" };
        await m.AuditAsync(f, AuditActions.MessageDeleted, sender, id, ct: ct);
        await m.History.RemoveAsync(f.Room.Id, id, ct);
        var before = await m.Store.GetAsync(f.Room.Id, ct);
        var state = before.Pinned?.MessageId == id
            ? await m.Store.UpdateAsync(f.Room.Id, s => s.Pinned?.MessageId == id ? s with { Pinned = null } : s, ct)
            : null;
        return new MessageDeletion(new ModerationResult(f.Room) { State = state }, id);
    }

    /// <summary>Pins a message everyone can see; late joiners get it in JoinRoomResponse.roomState.pinned.</summary>
    public async Task<ModerationResult> PinAsync(Caller caller, string? roomId, string? messageId, CancellationToken ct = default)
    {
        var id = InputRules.RequireId(messageId, "messageId");
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        var message = await FindAsync(f.Room, id, ct);
        if (message.Audience != MessageAudience.Everyone) throw PeerRoomsException.Invalid("only messages everyone can see may be pinned");
        await m.AuditAsync(f, AuditActions.Pinned, messageId: id, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Pinned = message }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    public async Task<ModerationResult> UnpinAsync(Caller caller, string? roomId, CancellationToken ct = default)
    {
        var f = await m.Guard.RequireFacilitatorAsync(roomId, caller, ct);
        await m.AuditAsync(f, AuditActions.Unpinned, ct: ct);
        var state = await m.Store.UpdateAsync(f.Room.Id, s => s with { Pinned = null }, ct);
        return new ModerationResult(f.Room) { State = state };
    }

    /// <summary>A participant reports a message or a participant to the room's facilitators.</summary>
    public async Task<ReportReceivedEvent> ReportAsync(Caller caller, ReportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roomId = InputRules.RequireId(request.RoomId, "roomId");
        var hasMessage = !string.IsNullOrEmpty(request.MessageId);
        var hasParticipant = !string.IsNullOrEmpty(request.ParticipantId);
        if (!hasMessage && !hasParticipant) throw PeerRoomsException.Invalid("report a messageId or a participantId");
        if (hasMessage) InputRules.RequireId(request.MessageId, "messageId");
        if (hasParticipant) InputRules.RequireId(request.ParticipantId, "participantId");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > MaxReportReasonLength }) throw PeerRoomsException.Invalid($"reason must be at most {MaxReportReasonLength} characters");
        if (reason is not null) InputRules.RequireWellFormed(reason, "reason");

        var reporter = await m.RequireAdmittedAsync(roomId, caller, ct);
        var room = await m.RequireRoomAsync(roomId, ct);
        if (hasMessage)
        {
            var message = await FindAsync(room, request.MessageId!, ct);
            if (!message.IsVisibleTo(reporter)) throw PeerRoomsException.NotFound("message not found");
        }
        if (hasParticipant) await m.Guard.RequireParticipantAsync(roomId, request.ParticipantId, ct);
        return new ReportReceivedEvent
        {
            RoomId = roomId,
            ReportId = m.Ids.NewId("rep_"),
            ReporterParticipantId = reporter.ParticipantId,
            MessageId = hasMessage ? request.MessageId : null,
            ParticipantId = hasParticipant ? request.ParticipantId : null,
            Reason = reason,
            ReportedAt = m.Now,
        };
    }

    private async Task<ChatMessage> FindAsync(Rooms.Room room, string messageId, CancellationToken ct)
        => (await m.History.GetAsync(room.Id, 0, Math.Max(1, room.Policy.HistoryLimit), ct)).FirstOrDefault(x => x.MessageId == messageId)
           ?? throw PeerRoomsException.NotFound("message not found in this session's history");
}
