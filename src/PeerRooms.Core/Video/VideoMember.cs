namespace PeerRooms.Core.Video;

/// <summary>A participant in a room's video session and what they publish. Both media start off on entry.</summary>
public sealed record VideoMember(string UserId, string ParticipantId, bool Audio = false, bool Video = false);
