namespace PeerRooms.Server.Auth;

/// <summary>The JWT claims PeerRooms reads. Inbound claim mapping is off, so these are the raw names.</summary>
public static class ClaimNames
{
    public const string UserId = "sub";
    public const string Role = "role";
}
