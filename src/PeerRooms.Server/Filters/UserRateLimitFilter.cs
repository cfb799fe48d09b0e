using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Security;

namespace PeerRooms.Server.Filters;

/// <summary>
/// Per-user rate limits on hub calls, before anything else runs: every call counts against
/// <c>calls</c>, and methods marked <see cref="RateLimitAttribute"/> also against their own limit
/// (<c>messages</c> for SendMessage, <c>joins</c> for JoinRoom). A refused call fails with
/// <c>rate_limited</c>, changes nothing and keeps the connection open; when the call names a room,
/// that room's facilitators get a <see cref="SecurityAlertEvent"/> (throttled).
/// Limits are per user across all of their connections on this node.
/// </summary>
public sealed class UserRateLimitFilter(UserRateLimits limits, SecurityAlerts alerts, ILogger<UserRateLimitFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var userId = context.Context.UserIdentifier;
        if (userId is null) return await next(context);
        var shape = HubMethodShape.Of(context);
        // Specific limits first, so a flood of messages is reported as "messages", not "calls".
        foreach (var limit in shape.ExtraLimits)
            if (!limits.TryAcquire(limit, userId)) await RefuseAsync(context, shape, userId, limit);
        if (!limits.TryAcquire(SecurityLimits.Calls, userId)) await RefuseAsync(context, shape, userId, SecurityLimits.Calls);
        return await next(context);
    }

    private async Task RefuseAsync(HubInvocationContext context, HubMethodShape shape, string userId, string limit)
    {
        SecurityLog.RateLimited(logger, userId, limit, context.HubMethodName);
        if (shape.RoomIdOf(context) is { } roomId && Hubs.ConnectionRooms.Of(context.Context).ContainsKey(roomId))
            await alerts.RaiseAsync(roomId, userId, limit);
        var (permits, window) = limits.Describe(limit);
        throw new PeerRoomsException(ErrorCodes.RateLimited, $"too many {limit}: at most {permits} per {window.TotalSeconds:0} s; slow down");
    }
}
