using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Security;

/// <summary>A node with small, fast-to-hit security limits, shared by a test class.</summary>
public sealed class TightLimitsFixture : IDisposable
{
    public const int Messages = 5;
    public const int Joins = 4;
    public const int Connections = 2;

    public PeerRoomsServer Server { get; } = new(new Dictionary<string, string?>
    {
        ["PeerRooms:Limits:MessagesPerWindow"] = Messages.ToString(),
        ["PeerRooms:Limits:MessageWindowSeconds"] = "60",
        ["PeerRooms:Limits:JoinAttemptsPerMinute"] = Joins.ToString(),
        ["PeerRooms:Limits:MaxConnectionsPerUser"] = Connections.ToString(),
    });

    public void Dispose() => Server.Dispose();
}

public static class SecurityTestClients
{

    /// <summary>A connection that is built but not started, so a test can watch Closed from the first moment.</summary>
    public static HubConnection Build(PeerRoomsServer server, string token, HubProtocol protocol)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, HubPaths.Rooms), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        if (protocol == HubProtocol.MessagePack) builder.AddMessagePackProtocol();
        return builder.Build();
    }

    /// <summary>Completes with the exception the connection closes with (null for a clean close). Subscribe before it can close.</summary>
    public static Task<Exception?> ClosedAsync(this HubConnection connection)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        return closed.Task;
    }
}
