using PeerRooms.Core.Chat;
using PeerRooms.Core.Live;

namespace PeerRooms.Server.Tests.State;

/// <summary>What every <see cref="IHistoryStore"/> must do; run against the in-memory and the Redis implementation.</summary>
public abstract class HistoryStoreContract
{
    protected abstract IHistoryStore CreateStore();

    private static string Room() => "r" + Guid.NewGuid().ToString("N")[..12];

    private static ChatMessage M(string clientId, string sender = "u1", string text = "hello") => new()
    {
        MessageId = "m_" + Guid.NewGuid().ToString("N")[..10],
        ClientMessageId = clientId,
        SenderUserId = sender,
        SenderParticipantId = "p_" + sender,
        SenderDisplayName = "Sam " + sender,
        Text = text,
        SentAt = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)),
    };

    [Fact]
    public async Task Appending_assigns_increasing_sequences_and_keeps_every_field()
    {
        var store = CreateStore();
        var room = Room();
        var first = M("c1", text: "Ünïcødé \"quotes\" \n and 🙂");
        first = first with { Audience = MessageAudience.Facilitators };
        var a = await store.AppendAsync(room, first, 10);
        var b = await store.AppendAsync(room, M("c2"), 10);
        Assert.False(a.Duplicate);
        Assert.Equal(1, a.Stored!.Sequence);
        Assert.Equal(2, b.Stored!.Sequence);
        Assert.Equal(new MessageReceipt(first.MessageId, 1), a.Receipt);
        var history = await store.GetAsync(room, 0, 10);
        Assert.Equal([1L, 2L], history.Select(m => m.Sequence));
        Assert.Equal(first with { Sequence = 1 }, history[0]);
    }

    [Fact]
    public async Task A_retry_returns_the_original_and_other_senders_are_independent()
    {
        var store = CreateStore();
        var room = Room();
        var original = await store.AppendAsync(room, M("same"), 10);
        var retry = await store.AppendAsync(room, M("same", text: "changed"), 10);
        var otherSender = await store.AppendAsync(room, M("same", sender: "u2"), 10);
        Assert.True(retry.Duplicate);
        Assert.Null(retry.Stored);
        Assert.Equal(original.Receipt, retry.Receipt);
        Assert.Equal(new MessageReceipt(original.Stored!.MessageId, original.Stored.Sequence), retry.Receipt);
        Assert.False(otherSender.Duplicate);
        Assert.Equal(2, (await store.GetAsync(room, 0, 10)).Count);
        Assert.Equal("hello", (await store.GetAsync(room, 0, 10))[0].Text); // the retry changed nothing
        Assert.Equal(original.Receipt, await store.FindAsync(room, "u1", "same"));
        Assert.Null(await store.FindAsync(room, "u1", "unknown"));
    }

    [Fact]
    public async Task The_ring_keeps_the_newest_and_dedupe_outlives_it()
    {
        var store = CreateStore();
        var room = Room();
        var first = await store.AppendAsync(room, M("c0"), 3);
        for (var i = 1; i < 6; i++) await store.AppendAsync(room, M($"c{i}"), 3);
        Assert.Equal([4L, 5L, 6L], (await store.GetAsync(room, 0, 10)).Select(m => m.Sequence));
        Assert.Equal([6L], (await store.GetAsync(room, 5, 10)).Select(m => m.Sequence));
        Assert.Equal([5L, 6L], (await store.GetAsync(room, 0, 2)).Select(m => m.Sequence));
        Assert.Empty(await store.GetAsync(room, 6, 10));
        var retry = await store.AppendAsync(room, M("c0"), 3);
        Assert.True(retry.Duplicate);
        Assert.Equal(first.Receipt, retry.Receipt);
        Assert.Equal(first.Receipt, await store.FindAsync(room, "u1", "c0"));
    }

    [Fact]
    public async Task A_smaller_limit_trims_several_of_the_oldest_at_once()
    {
        var store = CreateStore();
        var room = Room();
        for (var i = 0; i < 5; i++) await store.AppendAsync(room, M($"c{i}"), 5);
        await store.AppendAsync(room, M("c5"), 2);
        Assert.Equal([5L, 6L], (await store.GetAsync(room, 0, 10)).Select(m => m.Sequence));
        Assert.True((await store.AppendAsync(room, M("c0"), 2)).Duplicate); // dedupe outlives the ring
    }

    [Fact]
    public async Task Removing_takes_a_message_out_of_history()
    {
        var store = CreateStore();
        var room = Room();
        var a = await store.AppendAsync(room, M("c1"), 10);
        var b = await store.AppendAsync(room, M("c2"), 10);
        Assert.True(await store.RemoveAsync(room, a.Receipt.MessageId));
        Assert.False(await store.RemoveAsync(room, a.Receipt.MessageId));
        Assert.False(await store.RemoveAsync(room, "m_unknown"));
        Assert.Equal([b.Receipt.MessageId], (await store.GetAsync(room, 0, 10)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Clearing_starts_a_new_session()
    {
        var store = CreateStore();
        var room = Room();
        var other = Room();
        await store.AppendAsync(room, M("c1"), 10);
        await store.AppendAsync(other, M("c1"), 10);
        await store.ClearAsync(room);
        Assert.Empty(await store.GetAsync(room, 0, 10));
        Assert.Null(await store.FindAsync(room, "u1", "c1"));
        var again = await store.AppendAsync(room, M("c1"), 10);
        Assert.False(again.Duplicate);
        Assert.Equal(1, again.Receipt.Sequence);
        Assert.Single(await store.GetAsync(other, 0, 10));
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_sequences_and_one_copy_per_client_id()
    {
        var store = CreateStore();
        var room = Room();
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => store.AppendAsync(room, M($"c{i % 20}"), 100)));
        Assert.Equal(20, results.Count(r => !r.Duplicate));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), results.Where(r => !r.Duplicate).Select(r => r.Receipt.Sequence).Order());
        Assert.Equal(20, (await store.GetAsync(room, 0, 100)).Count);
    }
}
