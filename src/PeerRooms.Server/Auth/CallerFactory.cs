using System.Collections.Frozen;
using System.Security.Claims;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;

namespace PeerRooms.Server.Auth;

public static class CallerFactory
{
    /// <summary>
    /// One shared, immutable role set per combination of known roles (2^4), so naming the caller on
    /// every hub invocation allocates only the <see cref="Caller"/> itself. Unknown roles are dropped.
    /// </summary>
    private static readonly IReadOnlySet<string>[] RoleSets =
        [.. Enumerable.Range(0, 1 << Roles.All.Count).Select(bits =>
            (IReadOnlySet<string>)Roles.All.Where((_, i) => (bits & (1 << i)) != 0).ToFrozenSet(StringComparer.Ordinal))];

    /// <summary>
    /// The domain's view of an authenticated principal. A hub connection's principal
    /// (<see cref="CallerPrincipal"/>) carries it already; any other principal is read claim by claim.
    /// </summary>
    public static Caller ToCaller(this ClaimsPrincipal? user)
        => (user is CallerPrincipal slim ? slim.Caller : FromClaims(user))
           ?? throw new PeerRoomsException(ErrorCodes.Unauthenticated, "authentication required");

    /// <summary>The caller named by the principal's user id and role claims; null when it has no user id.</summary>
    internal static Caller? FromClaims(ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(ClaimNames.UserId)?.Value;
        if (string.IsNullOrEmpty(id)) return null;
        var bits = 0;
        foreach (var identity in user!.Identities)
        {
            foreach (var claim in identity.Claims)
            {
                if (!string.Equals(claim.Type, ClaimNames.Role, StringComparison.OrdinalIgnoreCase)) continue; // as ClaimsIdentity.FindAll compares types
                for (var i = 0; i < Roles.All.Count; i++)
                    if (string.Equals(claim.Value, Roles.All[i], StringComparison.Ordinal)) bits |= 1 << i;
            }
        }
        return new Caller(id, RoleSets[bits]);
    }
}
