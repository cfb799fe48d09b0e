using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Hubs;
using PeerRooms.Server.Logging;
using PeerRooms.Server.Telemetry;

namespace PeerRooms.Server.Hosting.Shutdown;

/// <summary>
/// Moves this node's clients elsewhere: every local connection gets <c>RoomClosed</c> with reason
/// <c>node_shutdown</c> and <c>terminal: false</c> for each room it joined, so clients reconnect (the
/// load balancer, seeing this node not ready, sends them to another node), rejoin and fetch what they
/// missed with <c>GetHistory</c>. Connections still open after <see cref="ReconnectGrace"/> are closed,
/// which also makes SignalR clients with automatic reconnect move. In-flight hub calls complete; a
/// client that did not see the result retries with the same clientMessageId and is deduplicated.
/// </summary>
public sealed class ClientReconnectStep(
    NodeConnections connections,
    IHubContext<RoomHub, IRoomClient> rooms,
    PeerRoomsMetrics metrics,
    ILogger<ClientReconnectStep> logger) : IDrainStep
{
    /// <summary>How long clients get to leave on their own before their connections are closed.</summary>
    public static readonly TimeSpan ReconnectGrace = TimeSpan.FromSeconds(5);

    public string Name => "clients";

    public int Order => 0;

    public async Task DrainAsync(CancellationToken deadline)
    {
        var snapshot = connections.Snapshot();
        await Task.WhenAll(snapshot.Select(NotifyAsync));
        metrics.ShutdownNotices(snapshot.Count);
        OpsLog.ConnectionsToldToReconnect(logger, snapshot.Count);

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        grace.CancelAfter(ReconnectGrace);
        try
        {
            await connections.WhenEmptyAsync(grace.Token);
            return;
        }
        catch (OperationCanceledException)
        {
            // Some clients did not leave: close them.
        }
        foreach (var context in connections.Snapshot()) context.Abort();
        // Let OnDisconnectedAsync (presence leave, roster events) run for the closed connections.
        try { await connections.WhenEmptyAsync(deadline); } catch (OperationCanceledException) { }
    }

    private async Task NotifyAsync(HubCallerContext context)
    {
        try
        {
            var client = rooms.Clients.Client(context.ConnectionId);
            foreach (var roomId in ConnectionRooms.Of(context).Snapshot())
                await client.RoomClosed(new RoomClosedEvent { RoomId = roomId, Reason = CloseReasons.NodeShutdown, Terminal = false });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection is going away anyway; it will be closed below.
            OpsLog.DrainStepFailed(logger, "notify", ex.GetType().Name);
        }
    }
}
