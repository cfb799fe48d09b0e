using System.Security.Cryptography;
using System.Text;

namespace PeerRooms.Core.Video;

/// <summary>An ephemeral TURN credential pair (TURN REST API / coturn <c>--use-auth-secret</c>).</summary>
public sealed record TurnCredential(string Username, string Credential, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues TURN REST credentials: username <c>"expiry:userId"</c> (expiry in Unix seconds) and
/// credential <c>base64(HMAC-SHA1(secret, username))</c>. The TURN server recomputes the HMAC with the
/// shared secret and rejects expired usernames, so nothing is stored and a leaked pair dies at expiry.
/// </summary>
public static class TurnCredentials
{
    public static TurnCredential Issue(string secret, string userId, DateTimeOffset now, TimeSpan ttl)
    {
        var expires = now + ttl;
        var username = $"{expires.ToUnixTimeSeconds()}:{userId}";
        return new TurnCredential(username, Sign(secret, username), expires);
    }

    public static string Sign(string secret, string username)
        => Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
}
