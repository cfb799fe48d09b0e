using Microsoft.AspNetCore.Mvc;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Filters;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Video session: membership, publishing state, the WebRTC signalling relay and the facilitator's
/// video powers. Membership is in the shared <see cref="Core.Video.IVideoSessionStore"/> (Redis when
/// scaled out), so members on any node see each other; events go to the room's members group and
/// signals to the target user via <c>Clients.User</c>, both delivered on any node by the backplane.
/// </summary>
public sealed partial class RoomHub
{
    public async Task<JoinVideoResponse> JoinVideo(string roomId, [FromServices] VideoTools video, [FromServices] Core.Video.VideoConnectService connect)
    {
        RequireJoined(roomId);
        var join = await video.Session.JoinAsync(Context.User.ToCaller(), roomId);
        if (join.IsNew) await video.Members(roomId).VideoMemberJoined(join.Self);
        await video.MediaStateAsync(join.MediaState);
        VideoLog.Joined(video.Logger, roomId, join.IsNew, join.Members.Count);
        // The media plane: the configured provider says how they connect (ICE servers for the mesh, or an SFU url and token).
        var c = await connect.ConnectAsync(Context.User.ToCaller().UserId, join.Self, join.Members);
        return new JoinVideoResponse
        {
            RoomId = roomId,
            Self = join.Self,
            Members = join.Members.ToArray(),
            MaxVideoPublishers = video.Session.MaxVideoPublishers,
            Provider = c.Provider,
            IceServers = c.IceServers.Select(s => new IceServerView { Urls = s.Urls.ToArray(), Username = s.Username, Credential = s.Credential }).ToArray(),
            Sfu = c.Sfu is null ? null : new SfuJoinView { Kind = c.Sfu.Kind, Url = c.Sfu.Url, Token = c.Sfu.Token },
        };
    }

    public async Task LeaveVideo(string roomId, [FromServices] VideoTools video)
    {
        var left = await video.Session.LeaveAsync(Context.User.ToCaller(), roomId);
        await video.Members(roomId).VideoMemberLeft(left.Member);
        await video.MediaStateAsync(left.MediaState);
        VideoLog.Left(video.Logger, roomId, "left_video");
    }

    /// <summary>Sets what the caller publishes; returns the granted state (video may be refused by the mesh cap: audio-only).</summary>
    public async Task<VideoMemberView> SetPublishing(string roomId, bool audio, bool video, [FromServices] VideoTools videoTools)
    {
        RequireJoined(roomId);
        var update = await videoTools.Session.SetPublishingAsync(Context.User.ToCaller(), roomId, audio, video);
        await videoTools.BroadcastAsync(roomId, update);
        return update.Member;
    }

    /// <summary>Relays an offer, answer or ICE candidate to one other video member (offers/answers pass the force-off gate first).</summary>
    public async Task SendSignal(string roomId, string toParticipantId, string kind, string payload, [FromServices] VideoTools video)
    {
        var route = await video.Session.RouteSignalAsync(Context.User.ToCaller(), roomId, toParticipantId, kind, payload);
        await Clients.User(route.To.UserId).Signal(new VideoSignalEvent { RoomId = roomId, FromParticipantId = route.From.ParticipantId, Kind = kind, Payload = payload });
        VideoLog.SignalRelayed(video.Logger, roomId, kind);
    }

    /// <summary>Takes a participant out of the video session (they stay in the room): VideoRemoved to them, VideoMemberLeft to the room.</summary>
    [FacilitatorOnly]
    public async Task RemoveFromVideo(string roomId, string participantId, [FromServices] VideoTools video)
    {
        var removal = await video.Moderation.RemoveAsync(Context.User.ToCaller(), roomId, participantId);
        var departure = removal.Departure;
        await Clients.User(departure.UserId).VideoRemoved(new VideoRemovedEvent { RoomId = departure.RoomId, Reason = VideoRemovedReasons.RemovedFromVideo });
        await video.Members(departure.RoomId).VideoMemberLeft(departure.Member);
        await video.MediaStateAsync(departure.MediaState);
        VideoLog.RemovedByFacilitator(video.Logger, departure.RoomId);
    }

    /// <summary>Spotlights a video member (or not); returns their view. May demote another publisher (VideoMemberUpdated for them).</summary>
    [FacilitatorOnly]
    public async Task<VideoMemberView> SetVideoSpotlight(string roomId, string participantId, bool on, [FromServices] VideoTools video)
    {
        var update = await video.Moderation.SetSpotlightAsync(Context.User.ToCaller(), roomId, participantId, on);
        await video.BroadcastAsync(roomId, update);
        VideoLog.SpotlightChanged(video.Logger, roomId, on, update.Updated.Count - 1);
        return update.Member;
    }
}
