using System.Runtime.Serialization;

namespace PeerRooms.Core.Contracts;

// Wire DTOs of the video session (server slice of issue 8). Documented in docs/protocol.md.

public static class VideoEvents
{
    public const string VideoMemberJoined = "VideoMemberJoined";
    public const string VideoMemberLeft = "VideoMemberLeft";
    public const string VideoMemberUpdated = "VideoMemberUpdated";
    public const string Signal = "Signal";
}

/// <summary>A video session member as others see them: participantId only, plus what they publish.</summary>
[DataContract]
public sealed record VideoMemberView
{
    [DataMember(Name = "roomId")] public required string RoomId { get; init; }
    [DataMember(Name = "participantId")] public required string ParticipantId { get; init; }
    [DataMember(Name = "audio")] public required bool Audio { get; init; }
    [DataMember(Name = "video")] public required bool Video { get; init; }
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
