using System.Security.Cryptography;
using System.Text;
using PeerRooms.Core.Video;

namespace PeerRooms.Core.Tests.Video;

public class TurnCredentialsTests
{
    [Fact]
    public void Username_is_expiry_colon_user_and_credential_is_base64_hmac_sha1_of_it()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var c = TurnCredentials.Issue("S3cret", "u_alice", now, TimeSpan.FromSeconds(600));

        Assert.Equal("1700000600:u_alice", c.Username);
        Assert.Equal(now.AddSeconds(600), c.ExpiresAt);
        // Independent computation of the TURN REST API credential.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes("S3cret"));
        Assert.Equal(Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("1700000600:u_alice"))), c.Credential);
        // RFC 2202 test case 2 (key "Jefe") as a fixed vector for the HMAC itself.
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")),
            TurnCredentials.Sign("Jefe", "what do ya want for nothing?"));
    }
}
