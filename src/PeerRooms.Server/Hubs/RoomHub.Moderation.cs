using Microsoft.AspNetCore.Mvc;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Filters;

namespace PeerRooms.Server.Hubs;

// Facilitator tools: chat and media moderation, sanctions, reports, private check-ins.
public sealed partial class RoomHub
{
    [FacilitatorOnly]
    public async Task<RoomStateView> MuteParticipant(string roomId, string participantId, int minutes, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Chat.MuteAsync(Context.User.ToCaller(), roomId, participantId, minutes));

    [FacilitatorOnly]
    public async Task<RoomStateView> UnmuteParticipant(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Chat.UnmuteAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task<RoomStateView> MuteEveryone(string roomId, int minutes, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Chat.MuteEveryoneAsync(Context.User.ToCaller(), roomId, minutes));

    [FacilitatorOnly]
    public async Task<RoomStateView> UnmuteEveryone(string roomId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Chat.UnmuteEveryoneAsync(Context.User.ToCaller(), roomId));

    [FacilitatorOnly]
    public async Task<RoomStateView> SetSlowMode(string roomId, int seconds, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Chat.SetSlowModeAsync(Context.User.ToCaller(), roomId, seconds));

    [FacilitatorOnly]
    public async Task DeleteMessage(string roomId, string messageId, [FromServices] ModerationTools tools)
    {
        var deleted = await tools.Chat.DeleteMessageAsync(Context.User.ToCaller(), roomId, messageId);
        await tools.Broadcast.Members(deleted.Result.Room.Id).MessageDeleted(new MessageDeletedEvent { RoomId = deleted.Result.Room.Id, MessageId = deleted.MessageId });
        await tools.Broadcast.ApplyAsync(deleted.Result);
    }

    [FacilitatorOnly]
    public async Task<RoomStateView> PinMessage(string roomId, string messageId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Chat.PinAsync(Context.User.ToCaller(), roomId, messageId));

    [FacilitatorOnly]
    public async Task<RoomStateView> UnpinMessage(string roomId, [FromServices] ModerationTools tools)
        => await tools.ApplyAsync(await tools.Chat.UnpinAsync(Context.User.ToCaller(), roomId));

    [FacilitatorOnly]
    public async Task RemoveParticipant(string roomId, string participantId, [FromServices] ModerationTools tools)
        => await tools.Broadcast.ApplyAsync(await tools.Sanctions.RemoveAsync(Context.User.ToCaller(), roomId, participantId));

    [FacilitatorOnly]
    public async Task TimeoutParticipant(string roomId, string participantId, int minutes, [FromServices] ModerationTools tools)
        => await tools.Broadcast.ApplyAsync(await tools.Sanctions.TimeoutAsync(Context.User.ToCaller(), roomId, participantId, minutes));

    [FacilitatorOnly]
    public async Task BanParticipant(string roomId, string participantId, bool permanent, [FromServices] ModerationTools tools)
        => await tools.Broadcast.ApplyAsync(await tools.Sanctions.BanAsync(Context.User.ToCaller(), roomId, participantId, permanent));

    [FacilitatorOnly]
    public async Task RequestMediaOff(string roomId, string participantId, string kind, [FromServices] ModerationTools tools)
    {
        var request = await tools.Media.RequestOffAsync(Context.User.ToCaller(), roomId, participantId, kind);
        await tools.Broadcast.To(request.Connections).MediaOffRequested(new MediaOffRequestedEvent { RoomId = request.RoomId, Kind = request.Kind });
    }

    /// <summary>Forces a participant's mic or camera off; a video member publishing it is switched off there too (VideoMemberUpdated).</summary>
    [FacilitatorOnly]
    public async Task<RoomStateView> ForceMediaOff(string roomId, string participantId, string kind, [FromServices] ModerationTools tools, [FromServices] VideoTools video)
    {
        var view = await tools.ApplyAsync(await tools.Media.ForceOffAsync(Context.User.ToCaller(), roomId, participantId, kind));
        await video.AfterMediaControlAsync(roomId, participantId);
        return view;
    }

    /// <summary>Lifts a force-off; a video member gets VideoMemberUpdated with the flag cleared (still not publishing until they SetPublishing).</summary>
    [FacilitatorOnly]
    public async Task<RoomStateView> AllowMedia(string roomId, string participantId, string kind, [FromServices] ModerationTools tools, [FromServices] VideoTools video)
    {
        var view = await tools.ApplyAsync(await tools.Media.AllowAsync(Context.User.ToCaller(), roomId, participantId, kind));
        await video.AfterMediaControlAsync(roomId, participantId);
        return view;
    }

    /// <summary>
    /// Any admitted member: report their own mic/camera state; turning on fails with <c>media_forced_off</c> while forced off.
    /// For a video member this IS SetPublishing of that one medium (the video session is the source of truth for what they publish).
    /// </summary>
    public async Task SetMediaState(string roomId, string kind, bool on, [FromServices] ModerationTools tools, [FromServices] VideoTools video)
    {
        RequireJoined(roomId);
        var update = await video.Session.SetOwnMediumAsync(Context.User.ToCaller(), roomId, kind, on);
        if (update is not null) await video.BroadcastAsync(roomId, update);
        else await tools.ApplyAsync(await tools.Media.SetOwnAsync(Context.User.ToCaller(), roomId, kind, on));
    }

    /// <summary>Any admitted member: ask the facilitators to allow their mic or camera again.</summary>
    public async Task AskToUnmute(string roomId, string kind, [FromServices] ModerationTools tools)
    {
        RequireJoined(roomId);
        var request = await tools.Media.AskToUnmuteAsync(Context.User.ToCaller(), roomId, kind);
        await tools.Broadcast.Facilitators(request.RoomId).UnmuteRequested(request);
    }

    /// <summary>Any admitted member: report a message or participant to this room's facilitators.</summary>
    public async Task<string> Report(ReportRequest request, [FromServices] ModerationTools tools)
    {
        RequireJoined(request.RoomId);
        var report = await tools.Chat.ReportAsync(Context.User.ToCaller(), request);
        await tools.Broadcast.Facilitators(report.RoomId).ReportReceived(report);
        return report.ReportId;
    }

    /// <summary>A facilitator and a participant (admitted or in the lobby) message each other privately.</summary>
    public async Task<CheckInMessageView> SendCheckInMessage(CheckInMessageRequest request, [FromServices] ModerationTools tools)
    {
        RequireJoined(request.RoomId);
        var delivery = await tools.CheckIns.SendAsync(Context.User.ToCaller(), request);
        // The sender's other tabs get it too; this connection has it as the return value.
        var others = delivery.SenderConnections.Where(c => c.ConnectionId != Context.ConnectionId);
        await tools.Broadcast.To(delivery.RecipientConnections.Concat(others)).CheckInMessageReceived(delivery.Message);
        return delivery.Message;
    }
}
