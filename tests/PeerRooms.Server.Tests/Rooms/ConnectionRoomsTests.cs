using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using PeerRooms.Server.Hubs;

namespace PeerRooms.Server.Tests.Rooms;

/// <summary>The per-connection room set: a connection feature with set semantics and stable snapshots.</summary>
public class ConnectionRoomsTests
{
    [Fact]
    public void Rooms_are_a_set_kept_on_the_connection()
    {
        var connection = new Connection();
        var rooms = ConnectionRooms.Attach(connection);

        Assert.Same(rooms, ConnectionRooms.Of(connection));
        Assert.True(rooms.TryAdd("a"));
        Assert.False(rooms.TryAdd("a"));
        Assert.True(rooms.TryAdd("b"));
        Assert.Equal(2, rooms.Count);
        Assert.True(rooms.Contains("a"));
        Assert.False(rooms.Contains("c"));
        Assert.True(rooms.TryRemove("a"));
        Assert.False(rooms.TryRemove("a"));
        Assert.Equal(["b"], rooms.Snapshot());
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_connection_joins_or_leaves_later()
    {
        var rooms = ConnectionRooms.Of(new Connection()); // attached on first use
        rooms.TryAdd("a");
        var before = rooms.Snapshot();

        rooms.TryAdd("b");
        rooms.TryRemove("a");

        Assert.Equal(["a"], before);
        Assert.Equal(["b"], rooms.Snapshot());
    }

    [Fact]
    public async Task Concurrent_joins_and_leaves_lose_nothing()
    {
        var rooms = ConnectionRooms.Of(new Connection());
        var ids = Enumerable.Range(0, 200).Select(i => $"r{i}").ToArray();

        await Task.WhenAll(ids.Select(id => Task.Run(() => rooms.TryAdd(id))));
        Assert.Equal(ids.Length, rooms.Count);
        await Task.WhenAll(ids.Where((_, i) => i % 2 == 0).Select(id => Task.Run(() => rooms.TryRemove(id))));

        Assert.Equal(ids.Where((_, i) => i % 2 == 1).Order(), rooms.Snapshot().Order());
    }

    private sealed class Connection : HubCallerContext
    {
        public override string ConnectionId => "c1";
        public override string? UserIdentifier => "u1";
        public override ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items => throw new InvalidOperationException("the room set must not use Items");
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }
}
