using PeerRooms.Core.Contracts;
using PeerRooms.Core.Video;

namespace PeerRooms.Core.Tests.Video;

/// <summary>What an SFU grant may include at join time: force-off and the publisher cap, as the session decides them.</summary>
public class VideoConnectServiceTests
{
    private static VideoMemberView Member(string id, bool video = false, bool spotlight = false, bool cameraOff = false, bool micOff = false)
        => new() { RoomId = "r1", ParticipantId = id, Audio = false, Video = video, Spotlight = spotlight, CameraForcedOff = cameraOff, MicForcedOff = micOff };

    [Fact]
    public void Camera_needs_a_place_under_the_cap_and_no_force_off()
    {
        var me = Member("p_me");
        var full = new[] { me, Member("p_a", video: true) };
        Assert.True(VideoConnectService.MayPublishVideo(me, [me], maxVideoPublishers: 1));
        Assert.False(VideoConnectService.MayPublishVideo(me, full, maxVideoPublishers: 1));
        // Already publishing keeps the place; a spotlighted member may take a non-spotlighted publisher's place, not a spotlighted one's.
        Assert.True(VideoConnectService.MayPublishVideo(me with { Video = true }, full, 1));
        Assert.True(VideoConnectService.MayPublishVideo(me with { Spotlight = true }, full, 1));
        Assert.False(VideoConnectService.MayPublishVideo(me with { Spotlight = true }, [me, Member("p_a", video: true, spotlight: true)], 1));
        // Forced off wins over everything.
        Assert.False(VideoConnectService.MayPublishVideo(me with { CameraForcedOff = true, Video = true, Spotlight = true }, [me], 8));
    }

    [Fact]
    public async Task The_provider_is_asked_with_the_participant_id_and_what_the_member_may_publish()
    {
        var provider = new RecordingProvider();
        var service = new VideoConnectService(provider, new VideoLimits(MaxVideoPublishers: 1));
        var me = Member("p_me", micOff: true);
        await service.ConnectAsync("u_secret", me, [me, Member("p_a", video: true)]);
        Assert.Equal(new VideoConnectRequest("r1", "u_secret", "p_me", MayPublishAudio: false, MayPublishVideo: false), provider.Last);
        await service.ConnectAsync("u_secret", me with { MicForcedOff = false }, [me]);
        Assert.Equal(new VideoConnectRequest("r1", "u_secret", "p_me", true, true), provider.Last);
    }

    private sealed class RecordingProvider : IVideoProvider
    {
        public VideoConnectRequest? Last { get; private set; }

        public string Kind => "test";

        public Task<VideoConnection> ConnectAsync(VideoConnectRequest request, CancellationToken ct = default)
        {
            Last = request;
            return Task.FromResult(new VideoConnection(Kind, [], null));
        }
    }
}
