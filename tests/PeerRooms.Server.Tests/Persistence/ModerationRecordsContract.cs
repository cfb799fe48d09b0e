using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Tests.Persistence;

/// <summary>Durable bans and the moderation audit log; run against SQLite and a real PostgreSQL, each test on an empty database.</summary>
public abstract class ModerationRecordsContract
{
    protected abstract Task<(IBanRepository Bans, IAuditLog Audit)> CreateAsync();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task Bans_are_kept_once_per_user_and_room_and_can_be_lifted()
    {
        var (bans, _) = await CreateAsync();
        await bans.AddAsync(new RoomBan("b1", "r1", "u1", "f1", T0));
        await bans.AddAsync(new RoomBan("b2", "r1", "u1", "f2", T0.AddMinutes(1))); // keeps the first
        await bans.AddAsync(new RoomBan("b3", "r1", "u2", "f1", T0.AddMinutes(2)));
        Assert.True(await bans.IsBannedAsync("r1", "u1"));
        Assert.False(await bans.IsBannedAsync("r2", "u1"));
        var list = await bans.ListAsync("r1");
        Assert.Equal(["b1", "b3"], list.Select(b => b.BanId));
        Assert.Equal(T0, list[0].CreatedAt);
        Assert.True(await bans.RemoveAsync("r1", "b1"));
        Assert.False(await bans.RemoveAsync("r1", "b1"));
        Assert.False(await bans.IsBannedAsync("r1", "u1"));
    }

    [Fact]
    public async Task The_audit_log_lists_newest_first_per_room_up_to_a_limit()
    {
        var (_, audit) = await CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await audit.AppendAsync(new AuditEntry
            {
                Id = $"a{i}", RoomId = i == 3 ? "r2" : "r1", ActorUserId = "f1", Action = "muted",
                TargetUserId = i == 0 ? null : "u1", Detail = i == 1 ? "60s" : null, At = T0.AddSeconds(i),
            });
        }
        Assert.Equal(["a2", "a1", "a0"], (await audit.ListAsync("r1", 10)).Select(e => e.Id));
        Assert.Equal(["a3", "a2"], (await audit.ListAsync(null, 2)).Select(e => e.Id));
        var first = (await audit.ListAsync("r1", 10)).Single(e => e.Id == "a0");
        Assert.Null(first.TargetUserId);
        Assert.Equal(T0, first.At);
        Assert.Equal("60s", (await audit.ListAsync("r1", 10)).Single(e => e.Id == "a1").Detail);
    }
}
