using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Persistence;

/// <summary>A node whose durable store is a real PostgreSQL: migrated on start, ready, rooms work end to end.</summary>
public sealed class PostgresNodeTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task A_node_on_postgresql_is_ready_and_serves_rooms(HubProtocol protocol)
    {
        var connectionString = await fixture.Postgres.CreateDatabaseAsync();
        using var node = new PeerRoomsServer(new Dictionary<string, string?> { ["ConnectionStrings:PeerRooms"] = connectionString });
        await Readiness.WaitForAsync(node.Http, HttpStatusCode.OK, Timeouts.Default);
        var room = await node.CreateRoomAsync("Stored in PostgreSQL");
        await using var alice = await node.ConnectAsync(Ids.User(), protocol);
        var joined = await alice.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Alice" }).WaitAsync(Timeouts.Default);
        Assert.Equal("Stored in PostgreSQL", joined.RoomName);

        // A second node on the same database sees the room (that is what scaled-out nodes share).
        using var other = new PeerRoomsServer(new Dictionary<string, string?> { ["ConnectionStrings:PeerRooms"] = connectionString });
        await using var bob = await other.ConnectAsync(Ids.User(), protocol);
        var b = await bob.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Bob" }).WaitAsync(Timeouts.Default);
        Assert.Equal("Stored in PostgreSQL", b.RoomName);
    }
}
