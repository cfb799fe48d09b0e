namespace PeerRooms.Core.Escalation;

/// <summary>
/// Where a case is in its life: <c>open → claimed → acknowledged → resolved</c>. Only forward moves
/// exist (a claim may be released back to open). Wire names are snake_case.
/// </summary>
public enum EscalationState
{
    /// <summary>Raised, nobody has taken it; paging runs.</summary>
    Open,

    /// <summary>A facilitator or crisis staff member took ownership; paging still runs until acknowledged.</summary>
    Claimed,

    /// <summary>The owner confirmed they are acting on it; paging stops.</summary>
    Acknowledged,

    /// <summary>Closed with an outcome. Terminal.</summary>
    Resolved,
}
