using Microsoft.AspNetCore.SignalR;

// A bare SignalR relay: no authentication, no state, no validation. Started by the load generator
// (load-tests/PeerRooms.LoadTests) on 127.0.0.1 with --urls; see docs/performance.md.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024).AddJsonProtocol().AddMessagePackProtocol();

var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.MapHub<RelayHub>("/hubs/relay");
app.Run();

/// <summary>Joins and leaves groups and relays each message to its group (sender included), nothing else.</summary>
public sealed class RelayHub : Hub
{
    /// <summary>Adds the caller to <paramref name="group"/>.</summary>
    public Task JoinGroup(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    /// <summary>Removes the caller from <paramref name="group"/>.</summary>
    public Task LeaveGroup(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);

    /// <summary>Relays <paramref name="text"/> to every member of <paramref name="group"/>.</summary>
    public Task Send(string group, string text) => Clients.Group(group).SendAsync("Message", group, text);
}
