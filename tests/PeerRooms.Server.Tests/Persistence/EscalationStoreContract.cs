using PeerRooms.Core.Crisis;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Server.Tests.Persistence;

/// <summary>What every <see cref="IEscalationStore"/> must do; run against SQLite and a real PostgreSQL. Each test gets an empty database.</summary>
public abstract class EscalationStoreContract
{
    protected abstract Task<IEscalationStore> CreateStoreAsync();

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 19, 0, 0, TimeSpan.Zero);

    private static EscalationRecord NewCase(string id, string user = "u1", string room = "r1") => new(
        EscalationCase.Open(new EscalationRequest(id, room, new EscalationSubject("p_" + user, "Alice", user), CrisisSeverity.High,
            [CrisisCategory.Ideation], EscalationTrigger.Detection, "m1", "detector"), T0),
        "Circle", new TriggeringMessage("m1", "the text", T0), T0.AddMinutes(2));

    private static OutboxItem Page(string caseId, int attempt = 1) => new($"{caseId}:0:{attempt}", caseId, OutboxTargets.CrisisStaff, "trigger", 0, "crisis-staff", attempt, null);

    [Fact]
    public async Task A_case_reads_back_whole_and_a_second_active_case_for_the_same_subject_is_refused()
    {
        var store = await CreateStoreAsync();
        var record = NewCase("c1");
        Assert.True(await store.CreateAsync(record, [Page("c1")]));
        var read = (await store.GetAsync("c1"))!;
        Assert.Equal(record.Case.ToSnapshot() with { Categories = [], Audit = [], Notes = [], Pages = [] },
            read.Case.ToSnapshot() with { Categories = [], Audit = [], Notes = [], Pages = [] });
        Assert.Equal(record.Case.Audit, read.Case.Audit);
        Assert.Equal(record.Message, read.Message);
        Assert.Equal(record.NextDueAt, read.NextDueAt);
        Assert.Equal("Circle", read.RoomName);

        Assert.False(await store.CreateAsync(NewCase("c2"), [Page("c2")]));
        Assert.Null(await store.GetAsync("c2"));
        Assert.Equal("c1", (await store.FindActiveAsync("r1", "u1"))!.Case.Id);
        Assert.True(await store.CreateAsync(NewCase("c3", room: "r2"), []));
        Assert.Equal(1, await store.PendingOutboxAsync());
    }

    [Fact]
    public async Task Updates_are_conditional_on_the_version_and_resolution_frees_the_subject()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewCase("c1"), []);
        var a = (await store.GetAsync("c1"))!;
        var b = (await store.GetAsync("c1"))!;
        a.Case.Claim("staff-a", T0.AddMinutes(1));
        b.Case.Claim("staff-b", T0.AddMinutes(1));
        Assert.True(await store.UpdateAsync(a, 0, []));
        Assert.False(await store.UpdateAsync(b, 0, []));
        var stored = (await store.GetAsync("c1"))!;
        Assert.Equal("staff-a", stored.Case.Owner);
        Assert.Equal(EscalationState.Claimed, stored.Case.State);

        stored.Case.Resolve("staff-a", EscalationOutcome.FalseAlarm, T0.AddMinutes(3));
        Assert.True(await store.UpdateAsync(stored with { Message = null, NextDueAt = null }, 1, []));
        Assert.Null(await store.FindActiveAsync("r1", "u1"));
        Assert.Null((await store.GetAsync("c1"))!.Message);
        Assert.True(await store.CreateAsync(NewCase("c2"), []));
        Assert.Equal(["c1"], (await store.ListAsync(CaseFilter.Resolved, 10)).Select(r => r.Case.Id));
        Assert.Equal(["c2"], (await store.ListAsync(CaseFilter.Active, 10)).Select(r => r.Case.Id));
        Assert.Equal(2, (await store.ListAsync(CaseFilter.All, 10)).Count);
    }

    [Fact]
    public async Task Timers_are_due_once_and_move_only_from_the_expected_time()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewCase("c1"), []);
        Assert.Empty(await store.DueAsync(T0.AddMinutes(1), 10));
        Assert.Equal(["c1"], await store.DueAsync(T0.AddMinutes(2), 10));
        Assert.True(await store.RescheduleAsync("c1", 0, T0.AddMinutes(2), T0.AddMinutes(5)));
        Assert.False(await store.RescheduleAsync("c1", 0, T0.AddMinutes(2), T0.AddMinutes(9)));
        Assert.True(await store.RescheduleAsync("c1", 0, T0.AddMinutes(5), null));
        Assert.Empty(await store.DueAsync(T0.AddHours(1), 10));
    }

    [Fact]
    public async Task Outbox_items_are_leased_by_one_relay_at_a_time_until_delivered_or_the_lease_expires()
    {
        var store = await CreateStoreAsync();
        await store.CreateAsync(NewCase("c1"), [Page("c1"), Page("c1", 2)]);
        var lease = TimeSpan.FromSeconds(30);
        var first = await store.LeaseOutboxAsync("node-a", T0, lease, 10);
        Assert.Equal(["c1:0:1", "c1:0:2"], first.Select(i => i.Item.DedupKey));
        Assert.Empty(await store.LeaseOutboxAsync("node-b", T0.AddSeconds(5), lease, 10));

        await store.MarkDeliveredAsync(first[0].Id, "node-a", T0.AddSeconds(1));
        await store.RetryLaterAsync(first[1].Id, "node-b", T0.AddSeconds(2)); // not node-b's lease: ignored
        var retaken = await store.LeaseOutboxAsync("node-b", T0.AddSeconds(31), lease, 10);
        var item = Assert.Single(retaken);
        Assert.Equal("c1:0:2", item.Item.DedupKey);
        Assert.Equal(2, item.Deliveries);

        await store.RetryLaterAsync(item.Id, "node-b", T0.AddMinutes(5));
        Assert.Empty(await store.LeaseOutboxAsync("node-a", T0.AddMinutes(4), lease, 10));
        Assert.Single(await store.LeaseOutboxAsync("node-a", T0.AddMinutes(5), lease, 10));

        // The same dedup key written again is kept once.
        var c = (await store.GetAsync("c1"))!;
        c.Case.AddNote("staff", "note", T0.AddMinutes(6));
        Assert.True(await store.UpdateAsync(c, 0, [Page("c1")]));
        Assert.Equal(1, await store.PendingOutboxAsync());
    }

    [Fact]
    public async Task Concurrent_relays_never_lease_the_same_item()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 20; i++) await store.CreateAsync(NewCase($"c{i}", user: $"u{i}"), [Page($"c{i}")]);
        var leases = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => store.LeaseOutboxAsync($"node-{n}", T0, TimeSpan.FromMinutes(1), 7)));
        var ids = leases.SelectMany(l => l.Select(i => i.Id)).ToArray();
        Assert.Equal(20, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
