using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.Moderation;

namespace PeerRooms.Server.Tests.Video;

/// <summary>A node configured with the LiveKit provider (and a publisher cap of 1, to see the cap in the grant).</summary>
public sealed class LiveKitNodeFixture : IDisposable
{
    public const string ApiKey = "APItestkey";
    public const string ApiSecret = "livekit-test-secret-0123456789-abcdefghij";
    public const string Url = "wss://sfu.peerrooms.test";

    public PeerRoomsServer Server { get; } = new(new Dictionary<string, string?>
    {
        ["PeerRooms:Video:Provider"] = "livekit",
        ["PeerRooms:Video:LiveKit:Url"] = Url,
        ["PeerRooms:Video:LiveKit:ApiKey"] = ApiKey,
        ["PeerRooms:Video:LiveKit:ApiSecret"] = ApiSecret,
        ["PeerRooms:Video:LiveKit:TtlSeconds"] = "120",
        ["PeerRooms:Video:LiveKit:RoomPrefix"] = "peerrooms-",
        ["PeerRooms:Video:MaxVideoPublishers"] = "1",
    });

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// The video provider seam over a real node: with LiveKit configured, JoinVideo hands each admitted
/// member a LiveKit token (checked with Microsoft.IdentityModel, not our own code) whose grant follows
/// facilitator force-off and the publisher cap; non-members and the lobby get nothing.
/// </summary>
public class LiveKitProviderTests(LiveKitNodeFixture fixture) : IClassFixture<LiveKitNodeFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task JoinVideo_returns_a_livekit_token_for_members_only_with_what_they_may_publish(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol, new { requireFacilitatorToStart = true, lobbyEnabled = true });
        var room = led.RoomId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await using var sam = await Server.ConnectAsync(Ids.User(), protocol);
        await using var outsider = await Server.ConnectAsync(Ids.User(), protocol);
        await using var lobby = await Server.ConnectAsync(Ids.User(), protocol);
        var p = await pat.Join(room, "Pat");
        await led.Facilitator.Call<RoomStateView>("Admit", room, p.ParticipantId);
        var s = await sam.Join(room, "Sam");
        await led.Facilitator.Call<RoomStateView>("Admit", room, s.ParticipantId);
        await lobby.Join(room, "Lou");

        // The facilitator joins first and takes the only video place (cap 1).
        var fac = await led.Facilitator.Call<JoinVideoResponse>("JoinVideo", room);
        Assert.Equal("livekit", fac.Provider);
        Assert.Equal(["microphone", "camera"], Sources(await ValidClaimsAsync(fac, led.FacilitatorJoin.ParticipantId, room)));
        Assert.True((await led.Facilitator.Call<VideoMemberView>("SetPublishing", room, true, true)).Video);

        // Pat: cap full, so no camera in the grant; microphone allowed.
        var patJoin = await pat.Call<JoinVideoResponse>("JoinVideo", room);
        Assert.Empty(patJoin.IceServers);
        var patVideo = await ValidClaimsAsync(patJoin, p.ParticipantId, room);
        Assert.True(patVideo.GetProperty("canPublish").GetBoolean());
        Assert.Equal(["microphone"], Sources(patVideo));

        // Sam: mic forced off by the facilitator, camera over the cap: may only subscribe.
        await led.Facilitator.Call<RoomStateView>("ForceMediaOff", room, s.ParticipantId, "mic");
        var samVideo = await ValidClaimsAsync(await sam.Call<JoinVideoResponse>("JoinVideo", room), s.ParticipantId, room);
        Assert.False(samVideo.GetProperty("canPublish").GetBoolean());
        Assert.Empty(Sources(samVideo));
        Assert.True(samVideo.GetProperty("canSubscribe").GetBoolean());

        // Not a member, or waiting in the lobby: JoinVideo fails and no token is issued.
        await outsider.Call<JoinVideoResponse>("JoinVideo", room).ExpectErrorAsync(ErrorCodes.NotMember);
        await lobby.Call<JoinVideoResponse>("JoinVideo", room).ExpectErrorAsync(ErrorCodes.InLobby);
    }

    /// <summary>Validates the token as LiveKit would (HS256 with the API secret, issuer = API key, lifetime) and checks the identity and room.</summary>
    private static async Task<JsonElement> ValidClaimsAsync(JoinVideoResponse join, string participantId, string roomId)
    {
        var sfu = Assert.IsType<SfuJoinView>(join.Sfu);
        Assert.Equal("livekit", sfu.Kind);
        Assert.Equal(LiveKitNodeFixture.Url, sfu.Url);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(sfu.Token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(LiveKitNodeFixture.ApiSecret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuer = LiveKitNodeFixture.ApiKey,
            ValidateAudience = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.Zero,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(participantId, token.Subject);
        Assert.InRange((token.ValidTo - token.ValidFrom).TotalSeconds, 119, 121);
        Assert.False(token.TryGetPayloadValue<string>("name", out _));
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(sfu.Token.Split('.')[1]));
        var video = payload.RootElement.GetProperty("video").Clone();
        Assert.Equal("peerrooms-" + roomId, video.GetProperty("room").GetString());
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.False(video.GetProperty("canPublishData").GetBoolean());
        return video;
    }

    private static string[] Sources(JsonElement video) => video.GetProperty("canPublishSources").EnumerateArray().Select(e => e.GetString()!).ToArray();
}

/// <summary>The default provider is the mesh: ICE servers, no SFU.</summary>
public class MeshProviderTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task JoinVideo_says_mesh_and_carries_no_sfu_by_default(HubProtocol protocol)
    {
        var room = await fixture.Server.CreateRoomAsync();
        await using var pat = await fixture.Server.ConnectAsync(Ids.User(), protocol);
        await pat.Join(room, "Pat");
        var join = await pat.Call<JoinVideoResponse>("JoinVideo", room);
        Assert.Equal("mesh", join.Provider);
        Assert.Null(join.Sfu);
    }
}

/// <summary>PeerRooms:Video:Provider and :LiveKit are checked at start-up.</summary>
public class VideoProviderOptionsTests
{
    [Fact]
    public void Unknown_provider_or_incomplete_livekit_settings_are_refused()
    {
        var validator = new VideoProviderOptionsValidator();
        Assert.True(validator.Validate(null, new VideoProviderOptions()).Succeeded);
        Assert.False(validator.Validate(null, new VideoProviderOptions { Provider = "janus" }).Succeeded);

        var ok = new VideoProviderOptions
        {
            Provider = "livekit",
            LiveKit = new() { Url = "wss://sfu.example.org", ApiKey = "k", ApiSecret = new string('s', 32) },
        };
        Assert.True(validator.Validate(null, ok).Succeeded);
        Assert.False(validator.Validate(null, With(ok, lk => lk.Url = "https://sfu.example.org")).Succeeded);
        Assert.False(validator.Validate(null, With(ok, lk => lk.ApiKey = " ")).Succeeded);
        Assert.False(validator.Validate(null, With(ok, lk => lk.ApiSecret = "short")).Succeeded);
        Assert.False(validator.Validate(null, With(ok, lk => lk.TtlSeconds = 86400)).Succeeded);
    }

    private static VideoProviderOptions With(VideoProviderOptions o, Action<VideoProviderOptions.LiveKitOptions> change)
    {
        var lk = new VideoProviderOptions.LiveKitOptions { Url = o.LiveKit.Url, ApiKey = o.LiveKit.ApiKey, ApiSecret = o.LiveKit.ApiSecret, TtlSeconds = o.LiveKit.TtlSeconds };
        change(lk);
        return new VideoProviderOptions { Provider = o.Provider, LiveKit = lk };
    }
}
