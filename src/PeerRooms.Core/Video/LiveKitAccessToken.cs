using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PeerRooms.Core.Video;

/// <summary>
/// The room permissions inside a LiveKit access token (its <c>video</c> claim). <paramref name="CanPublishSources"/>
/// narrows publishing to those track sources (LiveKit names: <c>"microphone"</c>, <c>"camera"</c>); when set
/// it supersedes <paramref name="CanPublish"/>, which is why it is always written when publishing is allowed:
/// a token that allows publishing without naming sources would allow screen sharing too.
/// </summary>
public sealed record LiveKitGrant(string Room, bool CanPublish, IReadOnlyList<string> CanPublishSources, bool CanSubscribe = true, bool CanPublishData = false);

/// <summary>LiveKit's names for the track sources PeerRooms lets members publish. Screen sharing is never granted.</summary>
public static class LiveKitSources
{
    public const string Microphone = "microphone";
    public const string Camera = "camera";
}

/// <summary>
/// Creates LiveKit access tokens: a JWT (RFC 7519) signed HS256 with the API secret, per LiveKit's
/// token format: <c>iss</c> = API key, <c>sub</c> = participant identity, <c>nbf</c>/<c>exp</c> in Unix
/// seconds, and the <c>video</c> grant (<c>room</c>, <c>roomJoin: true</c>, <c>canPublish</c>,
/// <c>canSubscribe</c>, <c>canPublishData</c>, <c>canPublishSources</c>). No <c>name</c> or
/// <c>metadata</c> claim: nothing about the person beyond the opaque identity leaves PeerRooms.
/// Built with System.Security.Cryptography and System.Text.Json only, so Core stays package-free.
/// LiveKit checks <c>exp</c> only when a participant connects; a connection outlives its token.
/// </summary>
public static class LiveKitAccessToken
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public static string Create(string apiKey, string apiSecret, string identity, LiveKitGrant grant, DateTimeOffset now, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        ArgumentException.ThrowIfNullOrEmpty(grant.Room);
        if (ttl <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ttl), "a token must expire after it is issued");

        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(Payload(apiKey, identity, grant, now, ttl));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static byte[] Payload(string apiKey, string identity, LiveKitGrant grant, DateTimeOffset now, TimeSpan ttl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", apiKey);
            json.WriteString("sub", identity);
            json.WriteNumber("nbf", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + ttl).ToUnixTimeSeconds());
            json.WriteStartObject("video");
            json.WriteString("room", grant.Room);
            json.WriteBoolean("roomJoin", true);
            json.WriteBoolean("canPublish", grant.CanPublish);
            json.WriteBoolean("canSubscribe", grant.CanSubscribe);
            json.WriteBoolean("canPublishData", grant.CanPublishData);
            json.WriteStartArray("canPublishSources");
            if (grant.CanPublish) foreach (var source in grant.CanPublishSources) json.WriteStringValue(source);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
