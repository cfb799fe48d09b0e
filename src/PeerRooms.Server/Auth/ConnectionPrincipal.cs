using System.Security.Claims;

namespace PeerRooms.Server.Auth;

/// <summary>
/// The principal a request (and a hub connection, for its whole life) keeps after its token was
/// validated: only the claims PeerRooms reads (<see cref="ClaimNames"/>), copied into a plain identity.
/// The identity the token handler builds holds on to the parsed token (raw text, header, payload,
/// every claim): about 3.9 KB per connection against 0.6 KB for this one, at 10,000 idle connections
/// the difference is 33 MB. Expiry is unaffected: SignalR's CloseOnAuthenticationExpiration reads
/// the authentication result's ExpiresUtc, which the token handler sets from the token itself.
/// The principal also carries the caller named from those claims (<see cref="CallerPrincipal"/>).
/// </summary>
public static class ConnectionPrincipal
{
    /// <summary>A principal with only the user id and role claims of <paramref name="validated"/>, same authentication type.</summary>
    public static CallerPrincipal Slim(ClaimsPrincipal validated)
    {
        var source = validated.Identity as ClaimsIdentity;
        var claims = new List<Claim>(3);
        foreach (var claim in validated.Claims)
        {
            if (string.Equals(claim.Type, ClaimNames.UserId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(claim.Type, ClaimNames.Role, StringComparison.OrdinalIgnoreCase))
            {
                claims.Add(new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer));
            }
        }
        return new CallerPrincipal(new ClaimsIdentity(claims, source?.AuthenticationType ?? "jwt", ClaimNames.UserId, ClaimNames.Role));
    }
}
