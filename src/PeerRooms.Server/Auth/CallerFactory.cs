using System.Security.Claims;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;

namespace PeerRooms.Server.Auth;

public static class CallerFactory
{
    /// <summary>The domain's view of an authenticated principal.</summary>
    public static Caller ToCaller(this ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(ClaimNames.UserId)?.Value;
        if (string.IsNullOrEmpty(id)) throw new PeerRoomsException(ErrorCodes.Unauthenticated, "authentication required");
        var roles = user!.FindAll(ClaimNames.Role).Select(c => c.Value).Where(Roles.IsKnown).ToHashSet(StringComparer.Ordinal);
        return new Caller(id, roles);
    }
}
