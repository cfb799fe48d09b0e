using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Server.Auth;

/// <summary>Mints development tokens with the same key, issuer and audience the server validates.</summary>
public sealed class TokenIssuer(SigningKeyProvider keys, IOptions<PeerRoomsOptions> options, TimeProvider time)
{
    public string Issue(string userId, IEnumerable<string> roles, TimeSpan? lifetime = null)
    {
        var key = keys.Key ?? throw new InvalidOperationException("No signing key is configured.");
        var auth = options.Value.Auth;
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(ClaimNames.UserId, userId) };
        claims.AddRange(roles.Select(r => new Claim(ClaimNames.Role, r)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now.Add(lifetime ?? TimeSpan.FromMinutes(auth.DevTokenLifetimeMinutes)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
