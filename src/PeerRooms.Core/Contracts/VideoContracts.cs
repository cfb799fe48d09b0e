using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

// Wire DTOs of the video session (server slice of issue 8). Documented in docs/protocol.md.

public static class VideoEvents
{
    public const string VideoMemberJoined = "VideoMemberJoined";
    public const string VideoMemberLeft = "VideoMemberLeft";
    public const string VideoMemberUpdated = "VideoMemberUpdated";
    public const string Signal = "Signal";
    public const string VideoRemoved = "VideoRemoved";
}

/// <summary>Why a person was dropped from a room's video session (<see cref="VideoRemovedEvent.Reason"/>).</summary>
public static class VideoRemovedReasons
{
    /// <summary>A facilitator took them out of the video session (they stay in the room).</summary>
    public const string RemovedFromVideo = "removed_from_video";
    /// <summary>A facilitator sent them back to the lobby, which sees nothing of the room (no RoomClosed: they are still in the room's lobby).</summary>
    public const string SentToLobby = "sent_to_lobby";
}

/// <summary>
/// A video session member as others see them: participantId only, what the server granted them to
/// publish (<c>audio</c>/<c>video</c>), whether a facilitator forced a medium off, and the spotlight.
/// </summary>
[DataContract]
public sealed record VideoMemberView
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "audio")] public required bool Audio { get; init; }
    [DataMember(Name = "video")] public required bool Video { get; init; }
    [DataMember(Name = "micForcedOff")] public bool MicForcedOff { get; init; }
    [DataMember(Name = "cameraForcedOff")] public bool CameraForcedOff { get; init; }
    [DataMember(Name = "spotlight")] public bool Spotlight { get; init; }
}

/// <summary>To every connection of a person a facilitator dropped from the video session: close all peer connections, stop local tracks.</summary>
[DataContract]
public sealed record VideoRemovedEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "reason")] public required string Reason { get; init; }
}

/// <summary>One ICE server for RTCPeerConnection; username/credential only for TURN.</summary>
[DataContract]
public sealed record IceServerView
{
    [DataMember(Name = "urls")] public required string[] Urls { get; init; }
    [DataMember(Name = "username")] public string? Username { get; init; }
    [DataMember(Name = "credential")] public string? Credential { get; init; }
}

[DataContract]
public sealed record JoinVideoResponse
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "self")] public required VideoMemberView Self { get; init; }
    [DataMember(Name = "members")] public required VideoMemberView[] Members { get; init; }
    [DataMember(Name = "iceServers")] public required IceServerView[] IceServers { get; init; }
    [DataMember(Name = "maxVideoPublishers")] public required int MaxVideoPublishers { get; init; }
    /// <summary>How media travels: <c>"mesh"</c> (peer to peer, signals through the hub) or an SFU (<c>"livekit"</c>).</summary>
    [DataMember(Name = "provider")] public string Provider { get; init; } = PeerRooms.Core.Video.VideoProviders.Mesh;
    /// <summary>Where to connect media when <see cref="Provider"/> is an SFU; null for the mesh.</summary>
    [DataMember(Name = "sfu")] public SfuJoinView? Sfu { get; init; }
}

/// <summary>A WebRTC signal relayed from one video member to another; payload is opaque to the server.</summary>
[DataContract]
public sealed record VideoSignalEvent
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "fromParticipantId")] public required string FromParticipantId { get; init; }
    [DataMember(Name = "kind")] public required string Kind { get; init; }
    [DataMember(Name = "payload")] public required string Payload { get; init; }
}
