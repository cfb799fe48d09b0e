using System.Data.Common;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Server.Tests.Persistence;

/// <summary>What every <see cref="IRoomRepository"/> must do; run against SQLite and a real PostgreSQL. Each test gets an empty database.</summary>
public abstract class RoomRepositoryContract
{
    protected abstract Task<IRoomRepository> CreateRepositoryAsync();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(1));

    private static Room R(string id, string name, string[]? facilitators = null, bool archived = false) => new()
    {
        Id = id,
        Name = name,
        Description = "Ünïcødé description",
        Facilitators = facilitators ?? [],
        Archived = archived,
        Capacity = 12,
        Policy = RoomPolicy.Default with { HistoryLimit = 77 },
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    [Fact]
    public async Task A_created_room_reads_back_with_every_field()
    {
        var repo = await CreateRepositoryAsync();
        var room = R("r1", "Tuesday circle", ["f1", "f2"]);
        await repo.CreateAsync(room);
        var read = await repo.GetAsync("r1");
        Assert.NotNull(read);
        Assert.Equal(room.Facilitators, read.Facilitators);
        Assert.Equal(room with { Facilitators = read.Facilitators }, read);
        Assert.Null(await repo.GetAsync("missing"));
    }

    [Fact]
    public async Task Creating_an_existing_id_fails_and_changes_nothing()
    {
        var repo = await CreateRepositoryAsync();
        await repo.CreateAsync(R("r1", "First"));
        await Assert.ThrowsAnyAsync<DbException>(() => repo.CreateAsync(R("r1", "Second", ["f1"])));
        Assert.Equal("First", (await repo.GetAsync("r1"))?.Name);
        Assert.Empty(await repo.ListAsync(false, "f1"));
    }

    [Fact]
    public async Task Listing_orders_by_name_case_insensitively_and_filters()
    {
        var repo = await CreateRepositoryAsync();
        await repo.CreateAsync(R("r1", "beta", ["f1"]));
        await repo.CreateAsync(R("r2", "Alpha", ["f2"]));
        await repo.CreateAsync(R("r3", "Gamma", ["f1"], archived: true));
        Assert.Equal(["Alpha", "beta"], (await repo.ListAsync(false, null)).Select(r => r.Name));
        Assert.Equal(["Alpha", "beta", "Gamma"], (await repo.ListAsync(true, null)).Select(r => r.Name));
        Assert.Equal(["beta"], (await repo.ListAsync(false, "f1")).Select(r => r.Name));
        Assert.Equal(["beta", "Gamma"], (await repo.ListAsync(true, "f1")).Select(r => r.Name));
        Assert.Empty(await repo.ListAsync(true, "nobody"));
    }

    [Fact]
    public async Task Updating_replaces_the_room_and_its_facilitators()
    {
        var repo = await CreateRepositoryAsync();
        await repo.CreateAsync(R("r1", "Old", ["f1"]));
        var changed = R("r1", "New", ["f2"], archived: true) with { UpdatedAt = T0.AddHours(1), GuidelinesVersion = 2 };
        Assert.True(await repo.UpdateAsync(changed));
        var read = await repo.GetAsync("r1");
        Assert.Equal("New", read?.Name);
        Assert.Equal(2, read?.GuidelinesVersion);
        Assert.True(read?.Archived);
        Assert.Empty(await repo.ListAsync(true, "f1"));
        Assert.Equal(["r1"], (await repo.ListAsync(true, "f2")).Select(r => r.Id));
        Assert.False(await repo.UpdateAsync(R("missing", "x")));
    }
}
