using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.ScaleOut;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTestsCollection
{
    /// <summary>Tests that start server processes run alone, so their timings do not compete with the rest.</summary>
    public const string Name = "process-level fault tests";
}

/// <summary>
/// Faults at process level: real PeerRooms processes (the built server dll), a real redis-server
/// and PostgreSQL, the .NET client library with its reconnect and rejoin, and a TCP failover proxy
/// standing in for the load balancer. Leases are short here (2 s) so the tests stay quick.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class ProcessFaultTests
{
    private static Dictionary<string, string?> Environment(RedisServerProcess redis, string prefix, string? connectionString, string dataDirectory) => new()
    {
        ["PeerRooms__Redis"] = redis.Configuration,
        ["PeerRooms__RedisPrefix"] = prefix,
        ["ConnectionStrings__PeerRooms"] = connectionString,
        ["PeerRooms__DataDirectory"] = dataDirectory,
        ["PeerRooms__ScaleOut__LeaseRenewSeconds"] = "0.5",
        ["PeerRooms__ScaleOut__LeaseTtlSeconds"] = "2",
        ["PeerRooms__ScaleOut__SweepIntervalSeconds"] = "0.5",
    };

    private static async Task<PeerRoomsClient> ClientAsync(Uri server, PeerRoomsProcess tokens, string userId, WireProtocol protocol)
    {
        var token = await tokens.TokenAsync(userId);
        var client = new PeerRoomsClient(new PeerRoomsClientOptions
        {
            Server = server,
            Protocol = protocol,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            RetryPolicy = new JitteredRetryPolicy(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)),
            ServerTimeout = TimeSpan.FromSeconds(10),
        });
        await client.StartAsync().WaitAsync(Timeouts.Default);
        return client;
    }

    private static string TempDirectory(string name) => Path.Combine(Path.GetTempPath(), "peerrooms-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Killing_a_node_moves_its_clients_to_the_other_node_with_their_rooms_and_missed_history()
    {
        await using var redis = new RedisServerProcess();
        await using var postgres = new PostgresServerProcess();
        await Task.WhenAll(redis.StartAsync(), postgres.StartAsync());
        var env = Environment(redis, RedisFixture.UniquePrefix(), await postgres.CreateDatabaseAsync(), TempDirectory("kill"));
        var starting = new[] { PeerRoomsProcess.StartAsync("n1", env), PeerRoomsProcess.StartAsync("n2", env) };
        await using var node1 = await starting[0];
        await using var node2 = await starting[1];
        await using var balancer = new TcpFailoverProxy(node1.Port, node2.Port);

        var room = await node1.CreateRoomAsync("Evening circle");
        var other = await node1.CreateRoomAsync("Other room");
        await using var alice = await ClientAsync(balancer.BaseAddress, node1, Ids.User(), WireProtocol.Json);
        await using var bob = await ClientAsync(node2.BaseAddress, node2, Ids.User(), WireProtocol.MessagePack);
        await using var listener = await ClientAsync(node2.BaseAddress, node2, Ids.User(), WireProtocol.Json);
        // Carol is on the doomed node without reconnect logic: she must leave every roster through the sweep.
        var carol = new HubConnectionBuilder().WithUrl(new Uri(node1.BaseAddress, HubPaths.Rooms), o =>
        {
            o.AccessTokenProvider = async () => await node1.TokenAsync("carol-" + Guid.NewGuid().ToString("N")[..8]);
        }).Build();
        await carol.StartAsync().WaitAsync(Timeouts.Default);

        var aliceMessages = new ConcurrentQueue<MessageView>();
        var bobMessages = new BlockingCollection<MessageView>();
        var bobLeaves = new BlockingCollection<ParticipantLeftEvent>();
        var listenerEvents = new ConcurrentQueue<string>();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.MessageReceived += m => aliceMessages.Enqueue(m);
        alice.Reconnected += () => reconnected.TrySetResult();
        bob.MessageReceived += m => bobMessages.Add(m);
        bob.ParticipantLeft += e => bobLeaves.Add(e);
        listener.MessageReceived += m => listenerEvents.Enqueue(m.RoomId);
        listener.ParticipantLeft += e => listenerEvents.Enqueue(e.RoomId);

        await listener.JoinRoomAsync(other, "Listener").WaitAsync(Timeouts.Default);
        await alice.JoinRoomAsync(room, "Alice").WaitAsync(Timeouts.Default);
        await bob.JoinRoomAsync(room, "Bob").WaitAsync(Timeouts.Default);
        var carolJoin = await carol.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = room, DisplayName = "Carol" }).WaitAsync(Timeouts.Default);
        var before = await alice.SendMessageAsync(room, "before the crash").WaitAsync(Timeouts.Default);
        Take(bobMessages, m => m.MessageId == before.MessageId);

        var killedAt = Stopwatch.StartNew();
        node1.Kill();
        // Bob keeps talking while Alice is cut off.
        var missed1 = await bob.SendMessageAsync(room, "while you were away 1").WaitAsync(Timeouts.Default);
        var missed2 = await bob.SendMessageAsync(room, "while you were away 2").WaitAsync(Timeouts.Default);

        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([room], alice.JoinedRoomIds);
        await WaitUntilAsync(() => aliceMessages.Any(m => m.MessageId == missed2.MessageId), TimeSpan.FromSeconds(10), "Alice never got the missed messages");
        Assert.Equal([before.MessageId, missed1.MessageId, missed2.MessageId],
            aliceMessages.Select(m => m.MessageId).Distinct().ToArray());

        // Carol's connection died with node 1: the sweep removes her and the room is told, well within 30 s.
        var carolLeft = Take(bobLeaves, e => e.ParticipantId == carolJoin.ParticipantId, TimeSpan.FromSeconds(30));
        Assert.Equal(room, carolLeft.RoomId);
        Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(30));

        var after = await alice.SendMessageAsync(room, "back, through node 2").WaitAsync(Timeouts.Default);
        Take(bobMessages, m => m.MessageId == after.MessageId);
        Assert.Equal(missed2.Sequence + 1, after.Sequence);
        var roster = await bob.GetRosterAsync(room).WaitAsync(Timeouts.Default);
        Assert.Equal(["Alice", "Bob"], roster.Select(p => p.DisplayName).Order());
        await carol.DisposeAsync();

        // The listener in the other room heard none of it.
        var marker = await listener.SendMessageAsync(other, "marker").WaitAsync(Timeouts.Default);
        await WaitUntilAsync(() => listenerEvents.Contains(other), Timeouts.Default, "listener missed its own room's marker");
        Assert.DoesNotContain(room, listenerEvents);
        Assert.True(marker.Sequence > 0);
    }

    [Fact]
    public async Task Restarting_redis_under_load_flips_readiness_and_loses_no_acknowledged_message()
    {
        // Acknowledged = SendMessage returned: the append script ran in Redis, which here persists
        // every write before answering (appendonly, fsync always). Without persistence a Redis
        // restart loses live history; docs/architecture.md says so.
        await using var redis = new RedisServerProcess(appendOnly: true);
        await redis.StartAsync();
        var env = Environment(redis, RedisFixture.UniquePrefix(), null, TempDirectory("redis-restart"));
        var starting = new[] { PeerRoomsProcess.StartAsync("n1", env), PeerRoomsProcess.StartAsync("n2", env) };
        await using var node1 = await starting[0];
        await using var node2 = await starting[1];
        var room = await node1.CreateRoomAsync("Under load", historyLimit: 5000);
        await using var sender1 = await ClientAsync(node1.BaseAddress, node1, Ids.User(), WireProtocol.Json);
        await using var sender2 = await ClientAsync(node2.BaseAddress, node2, Ids.User(), WireProtocol.MessagePack);
        await sender1.JoinRoomAsync(room, "Sender one").WaitAsync(Timeouts.Default);
        await sender2.JoinRoomAsync(room, "Sender two").WaitAsync(Timeouts.Default);

        var acknowledged = new ConcurrentBag<string>();
        var refusals = new ConcurrentBag<string>();
        using var stopLoad = new CancellationTokenSource();
        var load = new[] { sender1, sender2 }.Select(s => SendUntilStoppedAsync(s, room, acknowledged, refusals, stopLoad.Token)).ToArray();

        await WaitUntilAsync(() => acknowledged.Count >= 10, Timeouts.Default, "no load before the outage: " + string.Join(",", refusals.Distinct()));
        await redis.StopAsync();
        await Task.WhenAll(
            Readiness.WaitForAsync(node1.Http, HttpStatusCode.ServiceUnavailable, Timeouts.Default),
            Readiness.WaitForAsync(node2.Http, HttpStatusCode.ServiceUnavailable, Timeouts.Default));
        var duringOutage = refusals.Count;
        await WaitUntilAsync(() => refusals.Count > duringOutage, Timeouts.Default, "the load saw no refusal during the outage");
        await redis.StartAsync();
        await Task.WhenAll(
            Readiness.WaitForAsync(node1.Http, HttpStatusCode.OK, Timeouts.Default),
            Readiness.WaitForAsync(node2.Http, HttpStatusCode.OK, Timeouts.Default));
        var afterOutage = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= afterOutage + 10, Timeouts.Default, "the load did not resume after the outage");
        stopLoad.Cancel();
        await Task.WhenAll(load).WaitAsync(Timeouts.Default);

        Assert.Contains(ErrorCodes.Unavailable, refusals);
        var history = await sender2.GetHistoryAsync(room).WaitAsync(Timeouts.Default);
        var stored = history.Select(m => m.MessageId).ToHashSet();
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} of {acknowledged.Count} acknowledged messages are missing from history");
        Assert.Equal(history.Count, history.Select(m => m.Sequence).Distinct().Count());
    }

    /// <summary>Sends one message after another; a refused send is retried with the same client message id until acknowledged.</summary>
    private static async Task SendUntilStoppedAsync(PeerRoomsClient client, string room, ConcurrentBag<string> acknowledged, ConcurrentBag<string> refusals, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var clientMessageId = PeerRoomsClient.NewClientMessageId();
            while (true)
            {
                try
                {
                    var ack = await client.SendMessageAsync(room, "load", clientMessageId).WaitAsync(Timeouts.Default);
                    acknowledged.Add(ack.MessageId);
                    break;
                }
                catch (PeerRoomsHubException ex)
                {
                    refusals.Add(ex.Code);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    refusals.Add(ex.GetType().Name);
                }
                if (stop.IsCancellationRequested) return;
                try { await Task.Delay(100, stop); } catch (OperationCanceledException) { return; } // pacing a retry, not synchronising
            }
            try { await Task.Delay(50, stop); } catch (OperationCanceledException) { return; } // pacing the load
        }
    }

    private static T Take<T>(BlockingCollection<T> events, Func<T, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeouts.Default);
        try
        {
            while (true)
            {
                var e = events.Take(cts.Token);
                if (match(e)) return e;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching {typeof(T).Name}");
        }
    }

    /// <summary>Polls a condition that depends on other processes, bounded by a deadline.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > within) throw new TimeoutException(failure);
            await Task.Delay(50);
        }
    }
}
