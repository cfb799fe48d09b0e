using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace PeerRooms.LoadTests;

/// <summary>The baseline: PeerRooms.BareHub, a relay hub with no auth, state or validation, over the raw SignalR client.</summary>
public sealed class BareTarget(ServerProcess server, bool messagePack) : ILoadTarget
{
    private string[] _groups = [];

    public string Name => "bare";
    public IReadOnlyList<int> ServerPids => [server.Pid];
    public int Nodes => 1;

    public Task PrepareAsync(int rooms, int capacity, int connections, CancellationToken ct)
    {
        _groups = [.. Enumerable.Range(0, rooms).Select(i => $"g{i}")];
        return Task.CompletedTask;
    }

    public string Room(int index) => _groups[index];

    public async Task<ILoadConnection> ConnectAsync(int index, Action<string> onMessage, Action onFault, CancellationToken ct)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server.Url, "/hubs/relay"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        });
        if (messagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        connection.On<string, string>("Message", (_, text) => onMessage(text));
        connection.Closed += e => { if (e is not null) onFault(); return Task.CompletedTask; };
        await connection.StartAsync(ct);
        return new Connection(connection);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private sealed class Connection(HubConnection connection) : ILoadConnection
    {
        public Task JoinAsync(string room, CancellationToken ct) => connection.InvokeAsync("JoinGroup", room, ct);
        public Task LeaveAsync(string room, CancellationToken ct) => connection.InvokeAsync("LeaveGroup", room, ct);
        public Task SendAsync(string room, string text, CancellationToken ct) => connection.InvokeAsync("Send", room, text, ct);
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
