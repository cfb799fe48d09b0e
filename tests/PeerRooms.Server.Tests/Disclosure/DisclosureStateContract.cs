using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.State;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>
/// What the disclosure feature needs from live state, written once and run against the in-memory
/// and the Redis implementations: content preferences per user, and attributes and content-warning
/// topics surviving the presence and history stores unchanged (equal records after a round trip).
/// </summary>
public abstract class DisclosureStateContract
{
    protected abstract IContentPreferenceStore CreatePreferences();
    protected abstract IPresenceStore CreatePresence();
    protected abstract IHistoryStore CreateHistory();

    private static string Room() => "r" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Preferences_are_per_user_and_replaced_whole()
    {
        var store = CreatePreferences();
        var user = "u" + Guid.NewGuid().ToString("N")[..8];
        Assert.Empty(await store.GetCollapsedTopicsAsync(user));
        await store.SetCollapsedTopicsAsync(user, ["suicide", "grief"]);
        Assert.Equal(["suicide", "grief"], await store.GetCollapsedTopicsAsync(user));
        Assert.Empty(await store.GetCollapsedTopicsAsync(user + "-other"));
        await store.SetCollapsedTopicsAsync(user, ["eating"]);
        Assert.Equal(["eating"], await store.GetCollapsedTopicsAsync(user));
        await store.SetCollapsedTopicsAsync(user, []);
        Assert.Empty(await store.GetCollapsedTopicsAsync(user));
    }

    [Fact]
    public async Task Attributes_survive_joins_updates_and_reads()
    {
        var store = CreatePresence();
        var room = Room();
        var attributes = new ValueList<PersonalAttribute>(
        [
            new() { Kind = AttributeKinds.Pronouns, Value = "ella", Audience = AttributeAudience.Everyone },
            new() { Kind = AttributeKinds.IdentityTag, Value = "LGBTQ+", Audience = AttributeAudience.Facilitators },
        ]);
        var candidate = new Participant { ParticipantId = "p_1", UserId = "u1", DisplayName = "Ana", Attributes = attributes };
        var joined = await store.JoinAsync(room, candidate, new ConnectionRef("c1", "node-a"), 10);
        Assert.Equal(candidate, joined.Participant);
        Assert.Equal(candidate, await store.GetAsync(room, "u1"));
        Assert.Equal(candidate, (await store.GetRosterAsync(room)).Single());

        var narrowed = new ValueList<PersonalAttribute>([attributes.Items[0] with { Audience = AttributeAudience.Nobody }]);
        var updated = await store.UpdateAsync(room, "u1", p => p with { Attributes = narrowed });
        Assert.Equal(narrowed, updated?.Attributes);
        Assert.Equal(updated, await store.GetAsync(room, "u1"));
        // A second tab keeps the stored attributes.
        Assert.Equal(narrowed, (await store.JoinAsync(room, candidate, new ConnectionRef("c2", "node-b"), 10)).Participant.Attributes);
    }

    [Fact]
    public async Task Topics_and_audience_survive_the_history_store()
    {
        var store = CreateHistory();
        var room = Room();
        var message = new ChatMessage
        {
            MessageId = "m_1", ClientMessageId = "c1", SenderUserId = "u1", SenderParticipantId = "p_1", SenderDisplayName = "Ana",
            Text = "hard week", SentAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Audience = "facilitators", SensitiveTopics = new(["grief", "trauma"]),
        };
        var appended = await store.AppendAsync(room, message, 10);
        Assert.Equal(message with { Sequence = appended.Receipt.Sequence }, (await store.GetAsync(room, 0, 10)).Single());
        Assert.Equal(appended.Stored, (await store.GetAsync(room, 0, 10)).Single());
        Assert.Equal(appended.Receipt, await store.FindAsync(room, "u1", "c1"));
    }
}

public sealed class InMemoryDisclosureStateTests : DisclosureStateContract
{
    protected override IContentPreferenceStore CreatePreferences() => new InMemoryContentPreferenceStore();
    protected override IPresenceStore CreatePresence() => new InMemoryPresenceStore();
    protected override IHistoryStore CreateHistory() => new InMemoryHistoryStore();
}

public sealed class RedisDisclosureStateTests(RedisFixture fixture) : DisclosureStateContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);
    protected override IContentPreferenceStore CreatePreferences() => new RedisContentPreferenceStore(_connections.Create());
    protected override IPresenceStore CreatePresence() => new RedisPresenceStore(_connections.Create());
    protected override IHistoryStore CreateHistory() => new RedisHistoryStore(_connections.Create());
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();

    [Fact]
    public async Task Preferences_expire_when_unused()
    {
        var connection = _connections.Create();
        var store = new RedisContentPreferenceStore(connection);
        await store.SetCollapsedTopicsAsync("u-ttl", ["grief"]);
        var ttl = await (await connection.DatabaseAsync()).KeyTimeToLiveAsync(connection.Keys.ContentPreferences("u-ttl"));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, RedisContentPreferenceStore.Retention - TimeSpan.FromMinutes(1), RedisContentPreferenceStore.Retention);
    }
}
