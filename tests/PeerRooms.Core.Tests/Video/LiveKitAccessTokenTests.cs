using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Video;

namespace PeerRooms.Core.Tests.Video;

/// <summary>LiveKit access tokens: an HS256 JWT with LiveKit's claims, verified here with independent decoding code.</summary>
public class LiveKitAccessTokenTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Token_is_byte_for_byte_the_jwt_an_independent_implementation_produces()
    {
        var token = LiveKitAccessToken.Create("APIkey123", Secret, "p_abc", new LiveKitGrant("pr-room1", true, [LiveKitSources.Microphone]), Now, TimeSpan.FromSeconds(300));

        // Produced by Python's json + hmac + base64 (compact JSON, claims in this order) for the same inputs.
        Assert.Equal(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJBUElrZXkxMjMiLCJzdWIiOiJwX2FiYyIsIm5iZiI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAwMzAwLCJ2aWRlbyI6eyJyb29tIjoicHItcm9vbTEiLCJyb29tSm9pbiI6dHJ1ZSwiY2FuUHVibGlzaCI6dHJ1ZSwiY2FuU3Vic2NyaWJlIjp0cnVlLCJjYW5QdWJsaXNoRGF0YSI6ZmFsc2UsImNhblB1Ymxpc2hTb3VyY2VzIjpbIm1pY3JvcGhvbmUiXX19._cI_9vXiVrPY694F-u2WVtqWLu9GdBnv1kyjZ2EAWxo",
            token);
    }

    [Fact]
    public async Task Provider_issues_a_signed_token_for_the_participant_with_the_room_and_what_they_may_publish()
    {
        var time = new FakeTimeProvider(Now);
        var provider = new LiveKitVideoProvider(new LiveKitSettings("wss://sfu.example.org", "APIkey123", Secret, TimeSpan.FromSeconds(300), "pr-"), time);

        var both = await provider.ConnectAsync(new VideoConnectRequest("room1", "user-secret-id", "p_abc", MayPublishAudio: true, MayPublishVideo: true));

        Assert.Equal("livekit", both.Provider);
        Assert.Empty(both.IceServers);
        var sfu = Assert.IsType<SfuJoin>(both.Sfu);
        Assert.Equal("livekit", sfu.Kind);
        Assert.Equal("wss://sfu.example.org", sfu.Url);
        Assert.Equal(Now.AddSeconds(300), sfu.ExpiresAt);
        var (header, claims) = Verify(sfu.Token, Secret);
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        Assert.Equal("APIkey123", claims.GetProperty("iss").GetString());
        Assert.Equal("p_abc", claims.GetProperty("sub").GetString());
        Assert.Equal(1_700_000_000, claims.GetProperty("nbf").GetInt64());
        Assert.Equal(1_700_000_300, claims.GetProperty("exp").GetInt64());
        Assert.False(claims.TryGetProperty("name", out _));
        Assert.False(claims.TryGetProperty("metadata", out _));
        Assert.DoesNotContain("user-secret-id", Encoding.UTF8.GetString(Base64UrlDecode(sfu.Token.Split('.')[1])));
        var video = claims.GetProperty("video");
        Assert.Equal("pr-room1", video.GetProperty("room").GetString());
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.True(video.GetProperty("canPublish").GetBoolean());
        Assert.True(video.GetProperty("canSubscribe").GetBoolean());
        Assert.False(video.GetProperty("canPublishData").GetBoolean());
        Assert.Equal(["microphone", "camera"], Sources(video));

        // Forced-off camera (or a full cap): microphone only. Nothing allowed: canPublish false, no sources.
        var micOnly = Verify((await provider.ConnectAsync(new VideoConnectRequest("room1", "u", "p_abc", true, false))).Sfu!.Token, Secret).Claims.GetProperty("video");
        Assert.True(micOnly.GetProperty("canPublish").GetBoolean());
        Assert.Equal(["microphone"], Sources(micOnly));
        var none = Verify((await provider.ConnectAsync(new VideoConnectRequest("room1", "u", "p_abc", false, false))).Sfu!.Token, Secret).Claims.GetProperty("video");
        Assert.False(none.GetProperty("canPublish").GetBoolean());
        Assert.Empty(Sources(none));
        Assert.True(none.GetProperty("canSubscribe").GetBoolean());
    }

    [Fact]
    public void A_token_signed_with_another_secret_or_altered_does_not_verify()
    {
        var token = LiveKitAccessToken.Create("k", Secret, "p_abc", new LiveKitGrant("room1", true, [LiveKitSources.Camera]), Now, TimeSpan.FromMinutes(5));
        Assert.Throws<InvalidOperationException>(() => Verify(token, Secret.Replace('0', '1')));
        var parts = token.Split('.');
        var forged = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("p_abc", "p_xyz");
        Assert.Throws<InvalidOperationException>(() => Verify($"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(forged))}.{parts[2]}", Secret));
        Assert.Throws<ArgumentOutOfRangeException>(() => LiveKitAccessToken.Create("k", Secret, "p", new LiveKitGrant("r", false, []), Now, TimeSpan.Zero));
    }

    [Fact]
    public async Task Mesh_provider_hands_out_stun_and_turn_credentials_and_no_sfu()
    {
        var ice = new IceConfig(["stun:stun.example.org:3478"], "S3cret", ["turn:turn.example.org:3478"], TimeSpan.FromSeconds(600));
        var mesh = new MeshVideoProvider(ice, new FakeTimeProvider(Now));
        var c = await mesh.ConnectAsync(new VideoConnectRequest("room1", "u_alice", "p_abc", true, true));
        Assert.Equal("mesh", c.Provider);
        Assert.Null(c.Sfu);
        Assert.Equal(2, c.IceServers.Count);
        Assert.Equal("1700000600:u_alice", c.IceServers[1].Username);
        Assert.Equal(TurnCredentials.Sign("S3cret", "1700000600:u_alice"), c.IceServers[1].Credential);
    }

    /// <summary>Independent JWT check: recompute HMAC-SHA256 over "header.payload", compare in constant time, then parse.</summary>
    internal static (JsonElement Header, JsonElement Claims) Verify(string token, string secret)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) throw new InvalidOperationException("not a JWS compact token");
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64UrlDecode(parts[2]))) throw new InvalidOperationException("bad signature");
        return (JsonDocument.Parse(Base64UrlDecode(parts[0])).RootElement, JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement);
    }

    private static string[] Sources(JsonElement video) => video.GetProperty("canPublishSources").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static byte[] Base64UrlDecode(string s)
    {
        var b64 = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '='));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
