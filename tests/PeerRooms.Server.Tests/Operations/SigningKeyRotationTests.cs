using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>Rotating the signing key: tokens signed with a key in PreviousSigningKeys stay valid; others do not.</summary>
public class SigningKeyRotationTests
{
    private const string OldKey = "the-old-signing-key-which-is-long-enough-0001";
    private const string UnknownKey = "some-unknown-signing-key-that-is-long-enough-9";

    [Fact]
    public async Task Tokens_signed_with_a_previous_key_are_accepted_and_unknown_keys_refused()
    {
        using var server = new PeerRoomsServer(new Dictionary<string, string?> { ["PeerRooms:Auth:PreviousSigningKeys:0"] = OldKey });

        Assert.Equal(HttpStatusCode.OK, await GetRoomsAsync(server, await server.TokenAsync(Ids.User())));
        Assert.Equal(HttpStatusCode.OK, await GetRoomsAsync(server, Mint(OldKey)));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetRoomsAsync(server, Mint(UnknownKey)));
    }

    private static async Task<HttpStatusCode> GetRoomsAsync(PeerRoomsServer server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static string Mint(string key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "peerrooms",
        Audience = "peerrooms",
        Subject = new ClaimsIdentity([new Claim("sub", Ids.User()), new Claim("role", "participant")]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
