using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Video;
using PeerRooms.Server.Auth;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// Video session (server slice): membership, publishing state and WebRTC signalling relay. Membership
/// is node-local (see <see cref="VideoSessionRegistry"/>); signals go to the target user via
/// <c>Clients.User</c>, which the backplane delivers on any node.
/// </summary>
public sealed partial class RoomHub
{
    public async Task<JoinVideoResponse> JoinVideo(string roomId, [FromServices] VideoSessionService video)
    {
        RequireJoined(roomId);
        var join = await video.JoinAsync(Context.User.ToCaller(), roomId);
        if (join.IsNew) await Clients.Group(RoomGroups.Members(roomId)).VideoMemberJoined(View(roomId, join.Member));
        return new JoinVideoResponse
        {
            RoomId = roomId,
            Self = View(roomId, join.Member),
            Members = join.Members.Select(m => View(roomId, m)).ToArray(),
            IceServers = join.IceServers.Select(s => new IceServerView { Urls = s.Urls.ToArray(), Username = s.Username, Credential = s.Credential }).ToArray(),
            MaxVideoPublishers = video.MaxVideoPublishers,
        };
    }

    public async Task LeaveVideo(string roomId, [FromServices] VideoSessionService video)
    {
        var left = await video.LeaveAsync(Context.User.ToCaller(), roomId);
        await Clients.Group(RoomGroups.Members(roomId)).VideoMemberLeft(View(roomId, left));
    }

    /// <summary>Sets what the caller publishes; returns the granted state (video may be refused by the mesh cap: audio-only).</summary>
    public async Task<VideoMemberView> SetPublishing(string roomId, bool audio, bool video, [FromServices] VideoSessionService videoSession)
    {
        RequireJoined(roomId);
        var member = View(roomId, await videoSession.SetPublishingAsync(Context.User.ToCaller(), roomId, audio, video));
        await Clients.Group(RoomGroups.Members(roomId)).VideoMemberUpdated(member);
        return member;
    }

    public async Task SendSignal(string roomId, string toParticipantId, string kind, string payload, [FromServices] VideoSessionService video)
    {
        var route = await video.RouteSignalAsync(Context.User.ToCaller(), roomId, toParticipantId, kind, payload);
        await Clients.User(route.To.UserId).Signal(new VideoSignalEvent { RoomId = roomId, FromParticipantId = route.From.ParticipantId, Kind = kind, Payload = payload });
    }

    private static VideoMemberView View(string roomId, VideoMember m)
        => new() { RoomId = roomId, ParticipantId = m.ParticipantId, Audio = m.Audio, Video = m.Video };
}
