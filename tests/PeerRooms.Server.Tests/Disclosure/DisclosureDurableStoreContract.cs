using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Persistence;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Disclosure;

/// <summary>The disclosure feature's durable stores, written once and run over SQLite and a real PostgreSQL.</summary>
public abstract class DisclosureDurableStoreContract
{
    protected abstract Task<(IGuidelinesAcceptanceStore Acceptances, ITranscriptStore Transcripts)> CreateAsync();

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ChatMessage Message(string id, long sequence) => new()
    {
        MessageId = id, ClientMessageId = "c" + id, Sequence = sequence, SenderUserId = "u1", SenderParticipantId = "p_1",
        SenderDisplayName = "Ana", Text = "text " + id, SentAt = T0, SensitiveTopics = new(["grief"]),
    };

    [Fact]
    public async Task Acceptances_keep_the_first_time_a_version_was_accepted()
    {
        var (acceptances, _) = await CreateAsync();
        Assert.Null(await acceptances.GetAsync("r1", "u1", 1));
        await acceptances.RecordAsync(new GuidelinesAcceptance("r1", "u1", 1, T0));
        await acceptances.RecordAsync(new GuidelinesAcceptance("r1", "u1", 1, T0.AddHours(1)));
        Assert.Equal(new GuidelinesAcceptance("r1", "u1", 1, T0), await acceptances.GetAsync("r1", "u1", 1));
        Assert.Null(await acceptances.GetAsync("r1", "u1", 2));
        Assert.Null(await acceptances.GetAsync("r1", "u2", 1));
        Assert.Null(await acceptances.GetAsync("r2", "u1", 1));
    }

    [Fact]
    public async Task Transcripts_keep_messages_in_order_until_removed_or_expired()
    {
        var (_, transcripts) = await CreateAsync();
        await transcripts.AppendAsync("r1", Message("m2", 2), T0.AddDays(2));
        await transcripts.AppendAsync("r1", Message("m1", 1), T0.AddDays(1));
        await transcripts.AppendAsync("r1", Message("m1", 1), T0.AddDays(1)); // a repeat is ignored
        await transcripts.AppendAsync("r2", Message("m3", 1), T0.AddDays(3));
        Assert.Equal([Message("m1", 1), Message("m2", 2)], await transcripts.GetAsync("r1"));

        Assert.True(await transcripts.RemoveAsync("r1", "m2"));
        Assert.False(await transcripts.RemoveAsync("r1", "m2"));
        Assert.Equal(0, await transcripts.PurgeExpiredAsync(T0.AddDays(1).AddMilliseconds(-1)));
        Assert.Equal(1, await transcripts.PurgeExpiredAsync(T0.AddDays(1)));
        Assert.Empty(await transcripts.GetAsync("r1"));
        Assert.Single(await transcripts.GetAsync("r2"));
    }
}

public sealed class SqliteDisclosureStoreTests : DisclosureDurableStoreContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "sqlite-" + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<(IGuidelinesAcceptanceStore, ITranscriptStore)> CreateAsync()
    {
        var db = new SqliteDatabase(Options.Create(new PeerRoomsOptions { DataDirectory = _dir }),
            new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, new ConfigurationBuilder().Build());
        return Task.FromResult<(IGuidelinesAcceptanceStore, ITranscriptStore)>((new SqlGuidelinesAcceptanceStore(db), new SqlTranscriptStore(db)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgresDisclosureStoreTests(PostgresFixture fixture) : DisclosureDurableStoreContract, IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override async Task<(IGuidelinesAcceptanceStore, ITranscriptStore)> CreateAsync()
    {
        var db = new PostgresDatabase(await fixture.Postgres.CreateDatabaseAsync());
        _databases.Add(db);
        return (new SqlGuidelinesAcceptanceStore(db), new SqlTranscriptStore(db));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
    }
}
