using PeerRooms.Core.Contracts;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Core.Video;

/// <summary>A join: the caller's view, everyone's views, ICE servers, whether they are new (→ VideoMemberJoined), and the media mirror to fan out.</summary>
public sealed record VideoJoin(VideoMemberView Self, IReadOnlyList<VideoMemberView> Members, bool IsNew, ModerationResult? MediaState);

/// <summary>
/// A change to what members publish: each view in <see cref="Updated"/> goes out as VideoMemberUpdated
/// (the member first, then anyone demoted by spotlight precedence); <see cref="MediaState"/>, when set,
/// as RoomStateChanged (the micOn/cameraOn mirror).
/// </summary>
public sealed record VideoUpdate(VideoMemberView Member, IReadOnlyList<VideoMemberView> Updated, ModerationResult? MediaState);

/// <summary>A member dropped from the video session (VideoMemberLeft to the room), and the media mirror (RoomStateChanged) when it changed.</summary>
public sealed record VideoDeparture(string RoomId, string UserId, VideoMemberView Member, ModerationResult? MediaState);

public sealed record SignalRoute(VideoMember From, VideoMember To);

/// <summary>The one mapping from a stored member to what others see: participantId, granted media, forced flags, spotlight.</summary>
public static class VideoViews
{
    public static VideoMemberView ToView(this VideoMember m, string roomId, MediaControl? control) => new()
    {
        RoomId = roomId, ParticipantId = m.ParticipantId, Audio = m.Audio, Video = m.Video,
        MicForcedOff = control?.MicForcedOff ?? false, CameraForcedOff = control?.CameraForcedOff ?? false, Spotlight = m.Spotlight,
    };
}
