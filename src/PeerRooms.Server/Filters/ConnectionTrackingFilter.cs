using Microsoft.AspNetCore.SignalR;
using PeerRooms.Server.Hosting.Shutdown;

namespace PeerRooms.Server.Filters;

/// <summary>Keeps <see cref="HubConnectionRegistry"/> in step with the hub's connections.</summary>
public sealed class ConnectionTrackingFilter(HubConnectionRegistry connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections.Add(context.Context);
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
