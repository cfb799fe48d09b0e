namespace PeerRooms.Server.Hubs;

/// <summary>SignalR group names of the crisis hub. Groups span nodes through the backplane.</summary>
public static class CrisisGroups
{
    /// <summary>Every connected crisis-staff member and admin: <c>crisis-staff</c> pages and case updates.</summary>
    public const string Staff = "crisis:staff";

    /// <summary>Admins and configured supervisors: <c>supervisors</c> pages.</summary>
    public const string Supervisors = "crisis:supervisors";
}
