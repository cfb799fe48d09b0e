using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.Moderation;

namespace PeerRooms.Server.Tests.Video;

/// <summary>Shorthands for video tests: signal payloads as a browser sends them, and admitted video members.</summary>
public static class VideoKit
{
    /// <summary>A minimal Chrome-shaped SDP with the given audio/video directions.</summary>
    public static string Sdp(string audio = "sendrecv", string video = "sendrecv") => string.Join("\r\n",
        "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=mid:0", "a=" + audio, "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
        "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=mid:1", "a=" + video, "a=rtcp-mux", "a=rtpmap:96 VP8/90000", "");

    /// <summary>JSON.stringify(RTCSessionDescription) for an offer.</summary>
    public static string Offer(string audio = "sendrecv", string video = "sendrecv") => JsonSerializer.Serialize(new { type = "offer", sdp = Sdp(audio, video) });

    public static string Answer(string audio = "sendrecv", string video = "sendrecv") => JsonSerializer.Serialize(new { type = "answer", sdp = Sdp(audio, video) });

    /// <summary>JSON.stringify(RTCIceCandidateInit).</summary>
    public const string Ice = """{"candidate":"candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host","sdpMid":"0","sdpMLineIndex":0}""";

    public static Task<JoinVideoResponse> JoinVideo(this HubConnection c, string roomId) => c.Call<JoinVideoResponse>("JoinVideo", roomId);

    public static Task<VideoMemberView> Publish(this HubConnection c, string roomId, bool audio, bool video) => c.Call<VideoMemberView>("SetPublishing", roomId, audio, video);

    /// <summary>Connects a user, joins them to the led room (admitting them if the lobby holds them) and to its video session.</summary>
    public static async Task<(HubConnection Connection, JoinRoomResponse Join)> VideoMemberAsync(PeerRoomsServer server, HubProtocol protocol, LedRoom led, string name)
    {
        var c = await server.ConnectAsync(Ids.User(), protocol);
        var join = await c.Join(led.RoomId, name);
        if (join.Status != "room") await led.Facilitator.Call<RoomStateView>("Admit", led.RoomId, join.ParticipantId);
        await c.JoinVideo(led.RoomId);
        return (c, join);
    }
}

/// <summary>One node whose mesh cap is 2 video publishers, so cap and spotlight cases need few people.</summary>
public sealed class SmallMeshFixture : IDisposable
{
    public PeerRoomsServer Server { get; } = new(new Dictionary<string, string?> { ["PeerRooms:Video:MaxVideoPublishers"] = "2" });

    public void Dispose() => Server.Dispose();
}
