using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Tests.State;

/// <summary>
/// What every <see cref="IPresenceStore"/> must do, written once and run against the in-memory and
/// the Redis implementation. Each test uses its own room ids; the Redis run also a unique key prefix.
/// </summary>
public abstract class PresenceStoreContract
{
    protected abstract IPresenceStore CreateStore();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private static Participant P(string user, string name, int second = 0) => new()
    {
        ParticipantId = "p_" + user, UserId = user, DisplayName = name, JoinedAt = T0.AddSeconds(second),
    };

    private static ConnectionRef C(string id, string node = "node-a") => new(id, node);

    private static string Room() => "r" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_second_connection_of_the_same_user_keeps_the_participant()
    {
        var store = CreateStore();
        var room = Room();
        var first = await store.JoinAsync(room, P("u1", "Sam"), C("c1"), 10);
        var second = await store.JoinAsync(room, P("u1", "Other name") with { ParticipantId = "p_new" }, C("c2", "node-b"), 10);
        Assert.True(first.IsNewParticipant);
        Assert.False(second.IsNewParticipant);
        Assert.Equal(first.Participant, second.Participant);
        Assert.Equal([C("c1"), C("c2", "node-b")], await store.GetConnectionsAsync(room, "u1"));
        Assert.Single(await store.GetRosterAsync(room));
    }

    [Fact]
    public async Task Capacity_refuses_new_participants_but_not_new_tabs()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", "A"), C("c1"), 2);
        await store.JoinAsync(room, P("u2", "B"), C("c2"), 2);
        var ex = await Assert.ThrowsAsync<PeerRoomsException>(() => store.JoinAsync(room, P("u3", "C"), C("c3"), 2));
        Assert.Equal(ErrorCodes.RoomFull, ex.Code);
        Assert.False((await store.JoinAsync(room, P("u1", "A"), C("c4"), 2)).IsNewParticipant);
        Assert.Null(await store.GetAsync(room, "u3"));
    }

    [Theory]
    [InlineData("Sam", "sam")]
    [InlineData("Émile", "éMILE")]
    [InlineData("Straße", "STRASSE")]
    public async Task Display_names_are_unique_case_insensitively(string taken, string attempt)
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", taken), C("c1"), 10);
        if (string.Equals(taken, attempt, StringComparison.OrdinalIgnoreCase))
        {
            var ex = await Assert.ThrowsAsync<PeerRoomsException>(() => store.JoinAsync(room, P("u2", attempt), C("c2"), 10));
            Assert.Equal(ErrorCodes.DisplayNameTaken, ex.Code);
            Assert.Single(await store.GetRosterAsync(room));
        }
        else
        {
            // Ordinal case-insensitivity does not fold ß to SS: both implementations agree on that.
            Assert.True((await store.JoinAsync(room, P("u2", attempt), C("c2"), 10)).IsNewParticipant);
        }
    }

    [Fact]
    public async Task A_name_is_free_again_once_its_holder_left()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", "Sam"), C("c1"), 10);
        var left = await store.LeaveAsync(room, "u1", "c1");
        Assert.Equal("u1", left.Left?.UserId);
        Assert.True((await store.JoinAsync(room, P("u2", "SAM"), C("c2"), 10)).IsNewParticipant);
    }

    [Fact]
    public async Task A_participant_leaves_with_their_last_connection_only()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", "Sam"), C("c1"), 10);
        await store.JoinAsync(room, P("u1", "Sam"), C("c2"), 10);
        Assert.Null((await store.LeaveAsync(room, "u1", "c1")).Left);
        Assert.NotNull(await store.GetAsync(room, "u1"));
        Assert.Null((await store.LeaveAsync(room, "u1", "c1")).Left); // leaving twice changes nothing
        Assert.Null((await store.LeaveAsync(room, "nobody", "c9")).Left);
        Assert.Equal("p_u1", (await store.LeaveAsync(room, "u1", "c2")).Left?.ParticipantId);
        Assert.Empty(await store.GetRosterAsync(room));
        Assert.Empty(await store.GetConnectionsAsync(room, "u1"));
    }

    [Fact]
    public async Task Remove_takes_every_connection_and_frees_the_name()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", "Sam"), C("c1"), 10);
        await store.JoinAsync(room, P("u1", "Sam"), C("c2", "node-b"), 10);
        await store.JoinAsync(room, P("u2", "Kim"), C("c3"), 10);
        Assert.Equal("u1", (await store.RemoveAsync(room, "u1"))?.UserId);
        Assert.Null(await store.RemoveAsync(room, "u1"));
        Assert.Empty(await store.GetConnectionsAsync(room, "u1"));
        Assert.Equal(["Kim"], (await store.GetRosterAsync(room)).Select(p => p.DisplayName));
        Assert.True((await store.JoinAsync(room, P("u4", "sam"), C("c4"), 10)).IsNewParticipant);
    }

    [Fact]
    public async Task The_roster_is_ordered_by_join_time_and_rooms_are_separate()
    {
        var store = CreateStore();
        var room = Room();
        var other = Room();
        await store.JoinAsync(room, P("u2", "Second", 2), C("c2"), 10);
        await store.JoinAsync(room, P("u1", "First", 1), C("c1"), 10);
        await store.JoinAsync(other, P("u3", "Elsewhere"), C("c3"), 10);
        Assert.Equal(["First", "Second"], (await store.GetRosterAsync(room)).Select(p => p.DisplayName));
        Assert.Equal(["Elsewhere"], (await store.GetRosterAsync(other)).Select(p => p.DisplayName));
        Assert.Null(await store.GetAsync(other, "u1"));
    }

    [Fact]
    public async Task Update_replaces_the_record_and_moves_the_name()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", "Sam"), C("c1"), 10);
        var updated = await store.UpdateAsync(room, "u1", p => p with { DisplayName = "Alex", Status = ParticipantStatus.Lobby });
        Assert.Equal("Alex", updated?.DisplayName);
        Assert.Equal(updated, await store.GetAsync(room, "u1"));
        Assert.Null(await store.UpdateAsync(room, "nobody", p => p));
        Assert.True((await store.JoinAsync(room, P("u2", "sam"), C("c2"), 10)).IsNewParticipant);
    }

    [Fact]
    public async Task Sweeping_a_node_removes_its_connections_and_reports_each_departure_once()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", "Only on dead"), C("c1", "dead"), 10);
        await store.JoinAsync(room, P("u2", "On both"), C("c2", "dead"), 10);
        await store.JoinAsync(room, P("u2", "On both"), C("c3", "alive"), 10);
        await store.JoinAsync(room, P("u3", "Only alive"), C("c4", "alive"), 10);

        var left = await store.RemoveNodeConnectionsAsync(room, "dead");
        Assert.Equal(["u1"], left.Select(p => p.UserId));
        Assert.Empty(await store.RemoveNodeConnectionsAsync(room, "dead"));
        Assert.Equal(["On both", "Only alive"], (await store.GetRosterAsync(room)).Select(p => p.DisplayName).Order());
        Assert.Equal([C("c3", "alive")], await store.GetConnectionsAsync(room, "u2"));
        Assert.True((await store.JoinAsync(room, P("u9", "only on DEAD"), C("c9"), 10)).IsNewParticipant);
    }

    [Fact]
    public async Task Concurrent_joins_never_exceed_capacity_or_share_a_name()
    {
        var store = CreateStore();
        var room = Room();
        var attempts = Enumerable.Range(0, 24).Select(async i =>
        {
            try
            {
                // Two users per name: at most one of each pair may win.
                await store.JoinAsync(room, P($"u{i}", $"Name{i / 2}"), C($"c{i}"), 5);
                return true;
            }
            catch (PeerRoomsException ex) when (ex.Code is ErrorCodes.RoomFull or ErrorCodes.DisplayNameTaken)
            {
                return false;
            }
        });
        var won = (await Task.WhenAll(attempts)).Count(w => w);
        var roster = await store.GetRosterAsync(room);
        Assert.Equal(5, won);
        Assert.Equal(5, roster.Count);
        Assert.Equal(5, roster.Select(p => p.DisplayName.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public async Task Clearing_a_room_forgets_its_roster()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, P("u1", "Sam"), C("c1"), 10);
        await store.ClearRoomAsync(room);
        Assert.Empty(await store.GetRosterAsync(room));
        Assert.Empty(await store.GetConnectionsAsync(room, "u1"));
        Assert.True((await store.JoinAsync(room, P("u2", "Sam"), C("c2"), 10)).IsNewParticipant);
    }
}
