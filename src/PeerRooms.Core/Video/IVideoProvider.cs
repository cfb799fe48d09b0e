namespace PeerRooms.Core.Video;

/// <summary>
/// How a video member's media travels: the port between the video session (who may be in video and
/// publish what, decided by <see cref="VideoSessionService"/> and the moderation state) and the media
/// plane. Exactly one provider is configured per deployment (<c>PeerRooms:Video:Provider</c>).
/// <list type="bullet">
/// <item><see cref="MeshVideoProvider"/> (<c>"mesh"</c>, default): browsers connect peer to peer; the
/// provider hands out ICE servers (STUN, ephemeral TURN credentials) and the hub relays the WebRTC
/// signals (<c>SendSignal</c>). Nothing to call outside PeerRooms.</item>
/// <item><see cref="LiveKitVideoProvider"/> (<c>"livekit"</c>): members connect to a LiveKit SFU with a
/// short-lived access token (HS256 JWT) whose grant says which room and which sources they may
/// publish. The hub still keeps the video session state and events; it no longer relays media signals.</item>
/// </list>
/// <para>
/// Guarantees every provider keeps: it is asked only for a caller the session service has already
/// admitted into the room's video session (members only; a refused <c>JoinVideo</c> never reaches it);
/// the identity it hands to a third party is the room-scoped <see cref="VideoConnectRequest.ParticipantId"/>,
/// never the user id or a display name; it grants at most what <see cref="VideoConnectRequest.MayPublishAudio"/>
/// and <see cref="VideoConnectRequest.MayPublishVideo"/> allow (facilitator force-off and the publisher
/// cap) at the moment of the call; credentials it issues expire on their own. It never logs tokens or secrets.
/// Known limit: a grant is fixed when issued, so a later force-off is enforced by the session state and
/// the member's client (as in the mesh); an SFU provider that must also cut media server-side adds a call
/// to the SFU's moderation API (LiveKit <c>RoomService.UpdateParticipant</c>/<c>MutePublishedTrack</c>) — not done yet.
/// </para>
/// <para>
/// How an Azure Communication Services (ACS) Rooms provider would plug in (not built): its
/// <see cref="ConnectAsync"/> would (1) ensure an ACS room exists for the PeerRooms room
/// (<c>POST {endpoint}/rooms?api-version=…</c>, remembering the ACS room id per room id in the live state),
/// (2) map the participantId to an ACS communication identity (<c>POST /identities</c>, stored per
/// participant) and add or update it as a room participant with role <c>Presenter</c> when it may
/// publish, else <c>Attendee</c> (<c>PATCH /rooms/{id}/participants</c>), and (3) issue a short-lived ACS
/// access token with the <c>voip</c> scope (<c>POST /identities/{id}/:issueAccessToken</c>), returned as
/// <see cref="SfuJoin"/> <c>{ kind: "acs", url, token }</c> where <c>url</c> names the ACS room the client
/// joins (ACS Calling SDK <c>callAgent.join({ roomId })</c>). Every ACS REST call is
/// signed with the resource access key (HMAC-SHA256 over
/// <c>"{VERB}\n{path and query}\n{x-ms-date};{host};{x-ms-content-sha256}"</c> with the base64-decoded key;
/// headers <c>x-ms-date</c> (RFC 1123), <c>x-ms-content-sha256</c> (base64 SHA-256 of the body, also
/// for an empty body) and <c>Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=&lt;base64&gt;</c>).
/// That signing is pure (System.Security.Cryptography, like <see cref="LiveKitAccessToken"/>) and belongs
/// in Core; the HTTP calls belong in a Server adapter behind a small port (e.g. <c>IAcsRoomsApi</c>), so the
/// provider stays testable with a fake. Being asynchronous is why <see cref="ConnectAsync"/> returns a task.
/// </para>
/// </summary>
public interface IVideoProvider
{
    /// <summary>The provider's wire name (<see cref="VideoProviders"/>), sent to clients as <c>provider</c>.</summary>
    string Kind { get; }

    /// <summary>What the admitted member needs to connect their media: ICE servers (mesh) or an SFU url and token.</summary>
    Task<VideoConnection> ConnectAsync(VideoConnectRequest request, CancellationToken ct = default);
}

/// <summary>Wire names of the video providers.</summary>
public static class VideoProviders
{
    public const string Mesh = "mesh";
    public const string LiveKit = "livekit";

    public static readonly IReadOnlyList<string> All = [Mesh, LiveKit];
}

/// <summary>
/// An admitted video member asking how to connect. <paramref name="UserId"/> is for credentials that stay
/// between PeerRooms and infrastructure it runs (TURN); anything shown to other participants or sent to
/// a third party uses <paramref name="ParticipantId"/>.
/// </summary>
public sealed record VideoConnectRequest(string RoomId, string UserId, string ParticipantId, bool MayPublishAudio, bool MayPublishVideo);

/// <summary>The answer: the provider's kind, ICE servers for a mesh, or the SFU to connect to.</summary>
public sealed record VideoConnection(string Provider, IReadOnlyList<IceServer> IceServers, SfuJoin? Sfu);

/// <summary>An SFU to connect to: its kind (e.g. <c>"livekit"</c>), url and a short-lived access token.</summary>
public sealed record SfuJoin(string Kind, string Url, string Token, DateTimeOffset ExpiresAt);
