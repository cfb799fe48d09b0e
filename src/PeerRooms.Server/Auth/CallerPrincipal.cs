using System.Security.Claims;
using PeerRooms.Core.Identity;

namespace PeerRooms.Server.Auth;

/// <summary>
/// The slim principal (<see cref="ConnectionPrincipal.Slim"/>) together with the <see cref="Core.Identity.Caller"/>
/// named from its claims once, when the token was validated. A hub connection names its caller on
/// every invocation (several times per message); reading the claims each time was about 1 % of a
/// saturated node's CPU. Its claims are never changed after authentication (nothing in PeerRooms adds
/// identities or claims to an authenticated principal), so the caller named up front stays equal to
/// what <see cref="CallerFactory.ToCaller"/> would read from the claims.
/// </summary>
public sealed class CallerPrincipal : ClaimsPrincipal
{
    public CallerPrincipal(ClaimsIdentity identity) : base(identity)
    {
        Caller = CallerFactory.FromClaims(this);
    }

    /// <summary>The caller, or null when the claims name no user (<see cref="CallerFactory.ToCaller"/> then refuses).</summary>
    public Caller? Caller { get; }
}
