namespace PeerRooms.Server.Filters;

/// <summary>
/// Opts a hub method (or a whole hub) out of <see cref="RoomMembershipFilter"/>: the caller need not
/// have joined the room named by its roomId. Use it only for methods that establish membership
/// (JoinRoom) or are authorised another way (e.g. a crisis-staff hub that checks the escalation).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = true)]
public sealed class AllowNonMemberAttribute : Attribute;

/// <summary>
/// Requires the caller's role inside the room named by the method's roomId (e.g.
/// <c>[RequireRoomRole(RoomRoles.Facilitator)]</c>): checked by <see cref="RoomMembershipFilter"/>
/// against live presence, after membership, before the method runs. Refused with <c>forbidden</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequireRoomRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>
/// Counts a hub method against an extra per-user limit besides <c>calls</c> (which every method
/// counts against): <c>[RateLimit(SecurityLimits.Messages)]</c> on SendMessage,
/// <c>[RateLimit(SecurityLimits.Joins)]</c> on JoinRoom. See <see cref="UserRateLimitFilter"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RateLimitAttribute(string limit) : Attribute
{
    public string Limit { get; } = limit;
}
