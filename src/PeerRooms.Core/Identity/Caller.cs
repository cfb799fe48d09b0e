namespace PeerRooms.Core.Identity;

/// <summary>
/// Who is calling, as the host authenticated them. The user id never leaves the server: other
/// participants only ever see a per-session participant id and a pseudonym.
/// </summary>
public sealed record Caller(string UserId, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);
    public bool IsCrisisStaff => Roles.Contains(Identity.Roles.CrisisStaff);
    public bool HasRole(string role) => Roles.Contains(role);
}
