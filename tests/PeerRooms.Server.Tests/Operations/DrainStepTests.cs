using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Hosting.Shutdown;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>
/// The drain hook other features register with: on shutdown, steps run in order; those below 0 while
/// clients are still connected and readiness already fails, those above 0 after the connections closed.
/// </summary>
public class DrainStepTests
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task Drain_steps_run_in_order_around_telling_clients_to_reconnect(HubProtocol protocol)
    {
        var seen = new ConcurrentQueue<string>();
        var server = new PeerRoomsServer(new Dictionary<string, string?> { ["PeerRooms:ShutdownDrainDelaySeconds"] = "0" },
            configure: b => b.ConfigureServices(s =>
            {
                s.AddSingleton<IDrainStep>(sp => new RecordingStep("after", 10, seen, sp));
                s.AddSingleton<IDrainStep>(sp => new RecordingStep("before", -10, seen, sp));
            }));
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync(Ids.User(), protocol);
        using var closed = alice.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        await alice.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Alice" }).WaitAsync(Timeouts.Default);

        await Task.Run(server.Dispose).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["before stopping=True connections=1", "after stopping=True connections=0"], seen);
        var notice = await closed.NextAsync(e => e.RoomId == room);
        Assert.Equal(CloseReasons.NodeShutdown, notice.Reason);
        Assert.False(notice.Terminal);
    }

    private sealed class RecordingStep(string name, int order, ConcurrentQueue<string> seen, IServiceProvider services) : IDrainStep
    {
        public string Name => name;
        public int Order => order;

        public Task DrainAsync(CancellationToken deadline)
        {
            var state = services.GetRequiredService<ShutdownState>();
            var connections = services.GetRequiredService<NodeConnections>();
            seen.Enqueue($"{name} stopping={state.IsStopping} connections={connections.Count}");
            return Task.CompletedTask;
        }
    }
}
