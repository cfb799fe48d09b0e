using PeerRooms.Core.Contracts;
using PeerRooms.Core.Video;
using PeerRooms.Server.Auth;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The media-plane part of <c>JoinVideo</c>: once the session service admitted the caller into video,
/// the configured <see cref="IVideoProvider"/> says how they connect (ICE servers for the mesh, or an
/// SFU url and token). Kept apart from the session methods so the provider seam stays one call.
/// </summary>
public sealed partial class RoomHub
{
    private async Task<JoinVideoResponse> WithVideoConnectionAsync(JoinVideoResponse joined, VideoConnectService connect)
    {
        var c = await connect.ConnectAsync(Context.User.ToCaller().UserId, joined.Self, joined.Members);
        return joined with
        {
            Provider = c.Provider,
            IceServers = c.IceServers.Select(s => new IceServerView { Urls = s.Urls.ToArray(), Username = s.Username, Credential = s.Credential }).ToArray(),
            Sfu = c.Sfu is null ? null : new SfuJoinView { Kind = c.Sfu.Kind, Url = c.Sfu.Url, Token = c.Sfu.Token },
        };
    }
}
