using PeerRooms.Core.Contracts;

namespace PeerRooms.Core.Video;

/// <summary>
/// Asks the configured <see cref="IVideoProvider"/> how an admitted video member connects, after working
/// out what they may publish at this moment from the session's own answer to their join: the mic unless a
/// facilitator forced it off; the camera unless forced off or the publisher cap is full (someone already
/// publishing video keeps their place; a spotlighted member may take a non-spotlighted publisher's place,
/// as <see cref="VideoPublishingRules"/> does). Call it only after <see cref="VideoSessionService.JoinAsync"/>
/// succeeded, so only admitted members ever get credentials.
/// </summary>
public sealed class VideoConnectService(IVideoProvider provider, VideoLimits limits)
{
    public Task<VideoConnection> ConnectAsync(string userId, VideoMemberView self, IReadOnlyCollection<VideoMemberView> members, CancellationToken ct = default)
    {
        var request = new VideoConnectRequest(self.RoomId, userId, self.ParticipantId, !self.MicForcedOff, MayPublishVideo(self, members, limits.MaxVideoPublishers));
        return provider.ConnectAsync(request, ct);
    }

    /// <summary>The camera rule at join time: not forced off, and a place under the cap (already publishing, a free slot, or spotlighted over a non-spotlighted publisher).</summary>
    public static bool MayPublishVideo(VideoMemberView self, IReadOnlyCollection<VideoMemberView> members, int maxVideoPublishers)
    {
        if (self.CameraForcedOff) return false;
        if (self.Video) return true;
        var publishers = members.Where(m => m.Video && m.ParticipantId != self.ParticipantId).ToArray();
        return publishers.Length < maxVideoPublishers || (self.Spotlight && publishers.Any(p => !p.Spotlight));
    }
}
