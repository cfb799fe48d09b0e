using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;

namespace PeerRooms.Server.Tests.ScaleOut;

/// <summary>
/// Redis goes away and comes back (same port) while a node keeps running: readiness follows,
/// calls that need shared state fail fast with <c>unavailable</c>, and the node recovers by itself.
/// This Redis persists every write (appendonly, fsync always), so live state survives the restart.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    /// <summary>"Fail fast": well under the client's patience, and under the 2-second Redis timeouts plus slack.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(3);

    private readonly RedisServerProcess _redis = new(appendOnly: true);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "outage-" + Guid.NewGuid().ToString("N")[..8]);
    private PeerRoomsServer _node = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        _node = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Redis"] = _redis.Configuration,
            ["PeerRooms:RedisPrefix"] = RedisFixture.UniquePrefix(),
            ["PeerRooms:DataDirectory"] = _dataDirectory,
            ["PeerRooms:ScaleOut:LeaseRenewSeconds"] = "0.5",
            ["PeerRooms:ScaleOut:LeaseTtlSeconds"] = "30",
        });
    }

    public async Task DisposeAsync()
    {
        _node.Dispose();
        await _redis.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    private static async Task ExpectUnavailableFastAsync(Task call)
    {
        var watch = Stopwatch.StartNew();
        await call.ExpectErrorAsync(ErrorCodes.Unavailable);
        Assert.True(watch.Elapsed < FailFast, $"took {watch.Elapsed.TotalSeconds:F1}s to fail");
    }

    private static async Task<T> RetryWhileUnavailableAsync<T>(Func<Task<T>> call)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(Timeouts.Default);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex)
                when (HubErrorMessages.TryParseCode(ex.Message) == ErrorCodes.Unavailable && deadline.Elapsed < Timeouts.Default)
            {
                await Task.Delay(100); // waiting for the backplane's reconnect, bounded by the deadline
            }
        }
    }

    private static async Task WaitForRosterAsync(HubConnection c, string roomId, string[] names)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var roster = await c.InvokeAsync<ParticipantView[]>("GetRoster", roomId).WaitAsync(Timeouts.Default);
            if (roster.Select(p => p.DisplayName).Order().SequenceEqual(names)) return;
            Assert.True(deadline.Elapsed < Timeouts.Default, $"roster stayed {string.Join(",", roster.Select(p => p.DisplayName))}");
            await Task.Delay(100); // polling the node's background retry, bounded by the deadline
        }
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Readiness_and_hub_calls_follow_redis_down_and_back_without_a_restart(HubProtocol protocol)
    {
        var room = await _node.CreateRoomAsync();
        var other = await _node.CreateRoomAsync("Other room");
        await using var alice = await _node.ConnectAsync(Ids.User(), protocol);
        var bob = await _node.ConnectAsync(Ids.User(), protocol);
        await using var carol = await _node.ConnectAsync(Ids.User(), protocol);
        await using var listener = await _node.ConnectAsync(Ids.User(), protocol);
        using var aliceMessages = alice.Record<MessageView>(RoomEvents.MessageReceived);
        using var aliceLeaves = alice.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);
        using var listenerMessages = listener.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(alice, room, "Alice").WaitAsync(Timeouts.Default);
        var b = await Join(bob, room, "Bob").WaitAsync(Timeouts.Default);
        await Join(listener, other, "Listener").WaitAsync(Timeouts.Default);
        await Readiness.WaitForAsync(_node.Http, HttpStatusCode.OK, Timeouts.Default);

        await _redis.StopAsync();
        await Readiness.WaitForAsync(_node.Http, HttpStatusCode.ServiceUnavailable, Timeouts.Default);
        await ExpectUnavailableFastAsync(Send(alice, room, "during the outage"));
        await ExpectUnavailableFastAsync(alice.InvokeAsync<ParticipantView[]>("GetRoster", room));
        await ExpectUnavailableFastAsync(Join(carol, room, "Carol"));
        // Bob closes his tab during the outage: his leave cannot be written yet.
        await bob.DisposeAsync().AsTask().WaitAsync(Timeouts.Default);

        await _redis.StartAsync();
        await Readiness.WaitForAsync(_node.Http, HttpStatusCode.OK, Timeouts.Default);
        // The leave held back during the outage is written once Redis is back (its ParticipantLeft is
        // sent too, but right after a reconnect the at-most-once backplane may not carry it: the
        // roster is the truth, so poll it, bounded).
        await WaitForRosterAsync(alice, room, ["Alice"]);
        Assert.All(aliceLeaves.Seen, e => Assert.Equal(b.ParticipantId, e.ParticipantId));
        // The backplane restores its subscriptions just after the reconnect, a moment after /readyz may
        // already say 200: until then a call that needs it answers "unavailable" (and is safe to retry).
        var c = await RetryWhileUnavailableAsync(() => Join(carol, room, "Carol"));
        Assert.Equal(["Alice", "Carol"], c.Roster.Select(p => p.DisplayName));
        var clientId = Ids.Message();
        var ack = await RetryWhileUnavailableAsync(() => alice.InvokeAsync<SendMessageResponse>("SendMessage",
            new SendMessageRequest { RoomId = room, ClientMessageId = clientId, Text = "after the outage" }));
        var history = await alice.InvokeAsync<MessageView[]>("GetHistory", room, 0L).WaitAsync(Timeouts.Default);
        Assert.Contains(history, m => m.MessageId == ack.MessageId);
        var live = await Send(alice, room, "live again").WaitAsync(Timeouts.Default);
        await aliceMessages.NextAsync(m => m.MessageId == live.MessageId);

        var marker = await Send(listener, other, "marker").WaitAsync(Timeouts.Default);
        await listenerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(listenerMessages.Seen, m => m.RoomId == room);
    }
}
