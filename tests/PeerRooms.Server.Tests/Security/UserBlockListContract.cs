using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Security;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.State;

namespace PeerRooms.Server.Tests.Security;

/// <summary>What every <see cref="IUserBlockList"/> must do; run against the in-memory and the Redis implementation.</summary>
public abstract class UserBlockListContract
{
    protected readonly FakeTimeProvider Time = new(DateTimeOffset.UtcNow);

    protected abstract IUserBlockList CreateList();

    [Fact]
    public async Task A_block_lasts_until_its_end_and_not_after()
    {
        var list = CreateList();
        var until = Time.GetUtcNow().AddHours(1);
        Assert.Null(await list.GetBlockedUntilAsync("u1"));
        await list.BlockAsync("u1", until);
        var stored = await list.GetBlockedUntilAsync("u1");
        Assert.NotNull(stored);
        Assert.Equal(until.ToUnixTimeMilliseconds(), stored.Value.ToUnixTimeMilliseconds());
        Assert.Null(await list.GetBlockedUntilAsync("u2"));
        Time.Advance(TimeSpan.FromHours(2));
        Assert.Null(await list.GetBlockedUntilAsync("u1"));
    }

    [Fact]
    public async Task A_later_block_replaces_an_earlier_one_and_unblock_lifts_it()
    {
        var list = CreateList();
        await list.BlockAsync("u1", Time.GetUtcNow().AddMinutes(5));
        var later = Time.GetUtcNow().AddMinutes(50);
        await list.BlockAsync("u1", later);
        Assert.Equal(later.ToUnixTimeMilliseconds(), (await list.GetBlockedUntilAsync("u1"))!.Value.ToUnixTimeMilliseconds());
        await list.UnblockAsync("u1");
        Assert.Null(await list.GetBlockedUntilAsync("u1"));
        await list.UnblockAsync("never-blocked");
    }

    [Fact]
    public async Task A_block_in_the_past_blocks_nothing()
    {
        var list = CreateList();
        await list.BlockAsync("u1", Time.GetUtcNow().AddMinutes(-1));
        Assert.Null(await list.GetBlockedUntilAsync("u1"));
    }
}

public sealed class InMemoryUserBlockListTests : UserBlockListContract
{
    protected override IUserBlockList CreateList() => new InMemoryUserBlockList(Time);
}

public sealed class RedisUserBlockListTests(RedisFixture fixture) : UserBlockListContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);

    protected override IUserBlockList CreateList() => new RedisUserBlockList(_connections.Create(), Time);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();
}
