using System.Text.Json;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Video;

namespace PeerRooms.Core.Tests.Video;

/// <summary>The renegotiation gate's SDP reading, on offers shaped like Chrome's (unified plan, BUNDLE, data channel).</summary>
public class SdpMediaDirectionsTests
{
    /// <summary>A Chrome-like offer: audio and video transceivers plus a data channel; directions substituted per case.</summary>
    private static string ChromeOffer(string audioDirection, string videoDirection, string audioPort = "9", string? sessionDirection = null) => string.Join("\r\n", (string[])
    [
        "v=0",
        "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0 1 2",
        "a=extmap-allow-mixed",
        "a=msid-semantic: WMS 1c9d2a6e-5a5f-4c43-9b6d-2a1d3b1c0e7f",
        .. sessionDirection is null ? Array.Empty<string>() : ["a=" + sessionDirection],
        $"m=audio {audioPort} UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
        "c=IN IP4 0.0.0.0",
        "a=rtcp:9 IN IP4 0.0.0.0",
        "a=ice-ufrag:Xk3v",
        "a=ice-pwd:b5Q0m3cYl0Zl3e8q7ZsV4m1F",
        "a=ice-options:trickle",
        "a=fingerprint:sha-256 6B:8B:5D:EA:59:04:20:23:29:C8:87:1C:CC:87:32:BE:DD:8C:66:A5:8E:50:55:EA:8C:D3:B6:5C:09:5E:D6:BC",
        "a=setup:actpass",
        "a=mid:0",
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        .. audioDirection == "" ? Array.Empty<string>() : ["a=" + audioDirection],
        "a=msid:1c9d2a6e-5a5f-4c43-9b6d-2a1d3b1c0e7f 8f1b2c3d-aaaa-bbbb-cccc-0123456789ab",
        "a=rtcp-mux",
        "a=rtpmap:111 opus/48000/2",
        "a=rtcp-fb:111 transport-cc",
        "a=fmtp:111 minptime=10;useinbandfec=1",
        "a=ssrc:3735928559 cname:k2Vn0zP4cXy1",
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103",
        "c=IN IP4 0.0.0.0",
        "a=rtcp:9 IN IP4 0.0.0.0",
        "a=ice-ufrag:Xk3v",
        "a=ice-pwd:b5Q0m3cYl0Zl3e8q7ZsV4m1F",
        "a=setup:actpass",
        "a=mid:1",
        .. videoDirection == "" ? Array.Empty<string>() : ["a=" + videoDirection],
        "a=rtcp-mux",
        "a=rtcp-rsize",
        "a=rtpmap:96 VP8/90000",
        "a=rtcp-fb:96 goog-remb",
        "a=rtcp-fb:96 nack pli",
        "a=rtpmap:97 rtx/90000",
        "a=fmtp:97 apt=96",
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
        "c=IN IP4 0.0.0.0",
        "a=mid:2",
        "a=sctp-port:5000",
        "a=max-message-size:262144",
        "",
    ]);

    [Theory]
    [InlineData("sendrecv", "sendrecv", true, true)]
    [InlineData("sendonly", "recvonly", true, false)]
    [InlineData("recvonly", "sendonly", false, true)]
    [InlineData("inactive", "inactive", false, false)]
    [InlineData("recvonly", "recvonly", false, false)]
    public void Reads_each_sections_direction(string audio, string video, bool sendsAudio, bool sendsVideo)
        => Assert.Equal(new SdpMediaDirections(sendsAudio, sendsVideo), SdpMediaDirections.Parse(ChromeOffer(audio, video)));

    [Fact]
    public void A_section_without_a_direction_falls_back_to_the_session_level_then_to_sendrecv()
    {
        Assert.Equal(new SdpMediaDirections(false, true), SdpMediaDirections.Parse(ChromeOffer("", "sendonly", sessionDirection: "recvonly")));
        Assert.Equal(new SdpMediaDirections(true, true), SdpMediaDirections.Parse(ChromeOffer("", "")));
    }

    [Fact]
    public void A_rejected_section_with_port_zero_sends_nothing()
        => Assert.Equal(new SdpMediaDirections(false, true), SdpMediaDirections.Parse(ChromeOffer("sendrecv", "sendrecv", audioPort: "0")));

    [Fact]
    public void Bare_newlines_work_as_well_as_crlf()
        => Assert.Equal(new SdpMediaDirections(false, true), SdpMediaDirections.Parse(ChromeOffer("recvonly", "sendrecv").Replace("\r\n", "\n")));

    [Fact]
    public void A_data_channel_only_offer_sends_no_media()
        => Assert.Equal(new SdpMediaDirections(false, false),
            SdpMediaDirections.Parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\n"));

    [Fact]
    public void Reads_the_sdp_out_of_a_browser_session_description_payload()
    {
        var payload = JsonSerializer.Serialize(new { type = "offer", sdp = ChromeOffer("recvonly", "sendrecv") });
        Assert.Equal(new SdpMediaDirections(false, true), SdpMediaDirections.FromSignalPayload(payload));
    }

    [Theory]
    [InlineData("v=0 not json")]
    [InlineData("{\"type\":\"offer\"}")]
    [InlineData("{\"type\":\"offer\",\"sdp\":42}")]
    [InlineData("[\"offer\"]")]
    [InlineData("null")]
    public void A_payload_that_is_not_a_session_description_is_invalid(string payload)
        => Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<PeerRoomsException>(() => SdpMediaDirections.FromSignalPayload(payload)).Code);
}
