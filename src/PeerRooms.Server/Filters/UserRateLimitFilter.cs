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
/// Limits are per user across all of their connections on this node. An admitted call goes on
/// synchronously (no async state machine on the message path); only a refusal awaits.
/// </summary>
public sealed class UserRateLimitFilter(UserRateLimits limits, SecurityAlerts alerts, ILogger<UserRateLimitFilter> logger) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var userId = context.Context.UserIdentifier;
        if (userId is null) return next(context);
        var shape = HubMethodShape.Of(context);
        // Specific limits first, so a flood of messages is reported as "messages", not "calls"; all
        // of them in one step on the user's single counter entry.
        if (limits.TryAcquireWithCalls(shape.ExtraLimits, userId) is { } refused) return RefuseAsync(context, shape, userId, refused);
        return next(context);
    }

    private async ValueTask<object?> RefuseAsync(HubInvocationContext context, HubMethodShape shape, string userId, string limit)
    {
        SecurityLog.RateLimited(logger, userId, limit, context.HubMethodName);
        if (shape.RoomIdOf(context) is { } roomId && Hubs.ConnectionRooms.Of(context.Context).Contains(roomId))
            await alerts.RaiseAsync(roomId, userId, limit);
        var (permits, window) = limits.Describe(limit);
        throw new PeerRoomsException(ErrorCodes.RateLimited, $"too many {limit}: at most {permits} per {window.TotalSeconds:0} s; slow down");
    }
}
