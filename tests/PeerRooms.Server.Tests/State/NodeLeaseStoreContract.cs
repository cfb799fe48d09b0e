using PeerRooms.Core.Live;

namespace PeerRooms.Server.Tests.State;

/// <summary>What every <see cref="INodeLeaseStore"/> must do; run against the in-memory and the Redis implementation.</summary>
public abstract class NodeLeaseStoreContract
{
    protected abstract INodeLeaseStore CreateStore();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_lease_expires_unless_renewed()
    {
        var store = CreateStore();
        await store.RenewAsync("a", ["r1"], T0, Ttl);
        await store.RenewAsync("b", [], T0, Ttl);
        Assert.Empty(await store.ExpiredAsync(T0.AddSeconds(14)));
        await store.RenewAsync("b", [], T0.AddSeconds(10), Ttl);
        Assert.Equal(["a"], await store.ExpiredAsync(T0.AddSeconds(16)));
    }

    [Fact]
    public async Task Renewing_tells_whether_the_lease_was_still_alive()
    {
        var store = CreateStore();
        Assert.False(await store.RenewAsync("a", [], T0, Ttl)); // first renewal: there was none
        Assert.True(await store.RenewAsync("a", [], T0.AddSeconds(5), Ttl));
        Assert.False(await store.RenewAsync("a", [], T0.AddSeconds(30), Ttl)); // lapsed meanwhile
        Assert.True(await store.RenewAsync("a", [], T0.AddSeconds(35), Ttl));
    }

    [Fact]
    public async Task Rooms_accumulate_until_pruned_and_are_forgotten_with_the_node()
    {
        var store = CreateStore();
        await store.AddRoomAsync("a", "r1");
        await store.RenewAsync("a", ["r2"], T0, Ttl);
        await store.AddRoomAsync("a", "r3");
        Assert.Equal(["r1", "r2", "r3"], await store.RoomsAsync("a"));
        await store.RemoveRoomsAsync("a", ["r1", "r3"]);
        Assert.Equal(["r2"], await store.RoomsAsync("a"));

        Assert.False(await store.ForgetAsync("a", T0.AddSeconds(5))); // still alive
        Assert.True(await store.ForgetAsync("a", T0.AddSeconds(20)));
        Assert.Empty(await store.RoomsAsync("a"));
        Assert.Empty(await store.ExpiredAsync(T0.AddSeconds(20)));
    }
}
