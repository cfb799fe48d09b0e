using Microsoft.AspNetCore.SignalR;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Filters;

/// <summary>
/// Outermost connection filter: takes a connection out of <see cref="NodeConnections"/> only after the
/// whole disconnect pipeline (presence leave, roster events) has run, or when its connect failed.
/// Admission (adding) is <see cref="ConnectionGuardFilter"/>'s job.
/// </summary>
public sealed class ConnectionTrackingFilter(NodeConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync when OnConnectedAsync failed.
            connections.Remove(context.Context.ConnectionId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            connections.Remove(context.Context.ConnectionId);
        }
    }
}
