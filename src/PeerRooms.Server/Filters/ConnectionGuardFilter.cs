using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Security;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Security;

namespace PeerRooms.Server.Filters;

/// <summary>
/// Admission of hub connections, for every hub: a blocked user is refused (<c>access_revoked</c>),
/// and a user may hold at most <c>PeerRooms:Limits:MaxConnectionsPerUser</c> connections on this
/// node (<c>too_many_connections</c>). A refused connection is closed by SignalR with
/// "Connection closed with an error. HubException: code: explanation" and no reconnect.
/// Admitted connections are registered so an admin can abort them (<see cref="UserDisconnector"/>).
/// </summary>
public sealed class ConnectionGuardFilter(
    NodeConnections registry, IUserBlockList blocks, IOptions<PeerRoomsOptions> options, ILogger<ConnectionGuardFilter> logger) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var userId = context.Context.UserIdentifier
            ?? throw new HubException(HubErrorMessages.Format(ErrorCodes.Unauthenticated, "authentication required"));
        if (await blocks.GetBlockedUntilAsync(userId) is { } until)
        {
            SecurityLog.BlockedUserRefused(logger, userId);
            throw new HubException(HubErrorMessages.Format(ErrorCodes.AccessRevoked, $"access is blocked until {until:O}"));
        }
        var max = options.Value.Limits.MaxConnectionsPerUser;
        if (!registry.TryAdmit(userId, context.Context, max, out var count))
        {
            SecurityLog.TooManyConnections(logger, userId, count);
            throw new HubException(HubErrorMessages.Format(ErrorCodes.TooManyConnections, $"at most {max} connections per user"));
        }
        try
        {
            await next(context);
        }
        catch
        {
            registry.ReleaseUserSlot(userId, context.Context.ConnectionId);
            registry.Remove(context.Context.ConnectionId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.UserIdentifier is { } userId) registry.ReleaseUserSlot(userId, context.Context.ConnectionId);
        await next(context, exception);
    }
}
