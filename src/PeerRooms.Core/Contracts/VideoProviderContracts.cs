using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

/// <summary>
/// The SFU a video member connects their media to, in <c>JoinVideoResponse.sfu</c> (null with the mesh
/// provider). <c>kind</c> names the SFU (<c>"livekit"</c>), <c>url</c> is where the client connects
/// (e.g. <c>wss://sfu.example.org</c>), <c>token</c> a short-lived access token for this member and room
/// only. Clients must not log or persist the token.
/// </summary>
[DataContract]
public sealed record SfuJoinView
{
    [DataMember(Name = "kind")] public required string Kind { get; init; }
    [DataMember(Name = "url")] public required string Url { get; init; }
    [DataMember(Name = "token")] public required string Token { get; init; }
}
