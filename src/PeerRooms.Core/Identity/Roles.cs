namespace PeerRooms.Core.Identity;

/// <summary>Organisation-wide roles, carried in the token's role claim.</summary>
public static class Roles
{
    public const string Participant = "participant";
    public const string Facilitator = "facilitator";
    public const string CrisisStaff = "crisis-staff";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Participant, Facilitator, CrisisStaff, Admin];

    public static bool IsKnown(string role) => All.Contains(role);
}
