using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Operations;

/// <summary>
/// Two real server processes sharing a real Redis (live state and backplane) and one durable store.
/// Node A gets SIGTERM: it fails readiness at once and refuses new connections, tells its clients
/// to reconnect elsewhere with a non-terminal <c>RoomClosed(node_shutdown)</c>, and exits within its
/// shutdown timeout. Its clients move to node B (as a load balancer would send them), rejoin, fetch
/// what they missed, retry an in-flight send with the same client message id, and end up with every
/// message of the room exactly once; a listener in another room receives nothing of it. An
/// escalation opened on A while it stops still pages crisis staff (connected to B) and stays readable.
/// </summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private readonly RedisServerProcess _redis = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-test-shutdown-" + Guid.NewGuid().ToString("N")[..8]);
    private ServerProcess _a = null!;
    private ServerProcess _b = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        Directory.CreateDirectory(_dataDirectory);
        var prefix = RedisFixture.UniquePrefix();
        Dictionary<string, string?> Settings(string node) => new()
        {
            ["PeerRooms:Redis"] = _redis.Configuration,
            ["PeerRooms:RedisPrefix"] = prefix,
            ["PeerRooms:NodeId"] = node,
            ["PeerRooms:DataDirectory"] = _dataDirectory,
            ["PeerRooms:Auth:SigningKey"] = PeerRoomsServer.SigningKey,
            ["PeerRooms:Auth:DevTokens"] = "true",
            ["PeerRooms:ShutdownTimeoutSeconds"] = "20",
            ["PeerRooms:ShutdownDrainDelaySeconds"] = "2",
            // A stopped node's leased outbox rows return to the other node's relay quickly.
            ["PeerRooms:Escalation:LeaseDuration"] = "00:00:03",
        };
        _a = new ServerProcess(Settings("a"));
        _b = new ServerProcess(Settings("b"));
        await Task.WhenAll(_a.StartAsync(), _b.StartAsync());
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _redis.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_stopped_node_moves_its_clients_to_the_other_node_without_losing_a_message(HubProtocol protocol)
    {
        var room = await _b.CreateRoomAsync("Shutdown room");
        var other = await _b.CreateRoomAsync("Other room");
        var crisisRoom = await _b.CreateRoomAsync("Crisis room");
        await using var staff = await _b.ConnectAsync(Ids.User("staff"), protocol, "crisis-staff", HubPaths.Crisis);
        using var pages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        await using var dana = await Member.JoinAsync(_a, protocol, crisisRoom, "Dana");
        await using var alice = await Member.JoinAsync(_a, protocol, room, "Alice");
        await using var bob = await Member.JoinAsync(_a, protocol, room, "Bob");
        await using var carol = await Member.JoinAsync(_b, protocol, room, "Carol");
        await using var listener = await Member.JoinAsync(_b, protocol, other, "Listener");
        var acked = new ConcurrentBag<long>();

        acked.Add((await alice.SendAsync("before 1")).Sequence);
        acked.Add((await carol.SendAsync("before 2")).Sequence);

        // Risk detected on A just as it is stopped: the page is in flight during the shutdown.
        await dana.SendAsync("I'm going to kill myself tonight after everyone goes to sleep");
        _a.Terminate();
        // Readiness fails at once (during the drain delay A still serves its existing clients) ...
        await Readiness.WaitForAsync(_a.Http, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5));
        // ... and new hub connections are refused, so the load balancer sends them elsewhere.
        await Assert.ThrowsAnyAsync<Exception>(() => _a.ConnectAsync(Ids.User(), protocol));

        // Traffic while A drains: from B, and an in-flight send from a client still on A.
        acked.Add((await carol.SendAsync("during 1")).Sequence);
        var inFlightId = Ids.Message();
        SendMessageResponse? inFlight = null;
        try { inFlight = await alice.SendAsync("in flight", inFlightId); } catch (Exception) { /* retried below */ }

        // A tells its clients to reconnect, non-terminally.
        foreach (var member in new[] { alice, bob, dana })
        {
            var closed = await WithNodeOutput(member.Closed.NextAsync(null, TimeSpan.FromSeconds(15)));
            Assert.Equal(CloseReasons.NodeShutdown, closed.Reason);
            Assert.False(closed.Terminal);
        }
        acked.Add((await carol.SendAsync("during 2")).Sequence);

        // They move to B (as the load balancer would send them), rejoin and recover what they missed.
        await alice.MoveAsync(_b);
        await bob.MoveAsync(_b);
        await dana.MoveAsync(_b);
        var retried = await alice.SendAsync("in flight", inFlightId);
        if (inFlight is not null)
        {
            Assert.True(retried.Duplicate);
            Assert.Equal(inFlight.Sequence, retried.Sequence);
        }
        acked.Add(retried.Sequence);
        acked.Add((await bob.SendAsync("after 1")).Sequence);
        acked.Add((await alice.SendAsync("after 2")).Sequence);

        // A exits on its own within the shutdown timeout.
        var exitCode = await _a.WaitForExitAsync(TimeSpan.FromSeconds(25));
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{_a.Output}");
        Assert.Contains("\"EventId\":7101", _a.Output, StringComparison.Ordinal); // clients told ...
        Assert.Contains("\"Connections\":3", _a.Output, StringComparison.Ordinal); // ... all of them
        Assert.Contains("\"EventId\":7105", _a.Output, StringComparison.Ordinal); // drained

        // Every member has every acknowledged message, each once.
        var last = acked.Max();
        foreach (var member in new[] { alice, bob, carol })
        {
            await member.WaitForSequenceAsync(last);
            Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), member.Sequences);
        }
        Assert.Single(alice.Messages, m => m.ClientMessageId == inFlightId);

        // The escalation opened on A was not lost: staff on B were paged, and B can read the case.
        var page = await pages.NextAsync(p => p.Case.RoomId == crisisRoom, TimeSpan.FromSeconds(20));
        Assert.Equal("imminent", page.Case.Severity);
        var onB = await staff.InvokeAsync<CaseDetailView>("GetCase", page.Case.CaseId).WaitAsync(Timeouts.Default);
        Assert.Equal(crisisRoom, onB.Case.RoomId);
        Assert.DoesNotContain(listener.Messages, m => m.RoomId == room);
    }

    private async Task<T> WithNodeOutput<T>(Task<T> task)
    {
        try { return await task; }
        catch (TimeoutException ex) { throw new TimeoutException($"{ex.Message}\nnode A:\n{_a.Output}", ex); }
    }

    /// <summary>A room member that follows a node_shutdown notice to another node and recovers missed messages.</summary>
    private sealed class Member : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<long, MessageView> _messages = new();
        private readonly HubProtocol _protocol;
        private readonly string _userId = Ids.User();
        private readonly string _roomId;
        private readonly string _name;
        private HubConnection _connection = null!;
        private EventStream<MessageView> _live = null!;

        private Member(HubProtocol protocol, string roomId, string name)
        {
            _protocol = protocol;
            _roomId = roomId;
            _name = name;
        }

        public EventStream<RoomClosedEvent> Closed { get; private set; } = null!;

        public IReadOnlyList<long> Sequences => _messages.Keys.Order().ToArray();

        public IReadOnlyList<MessageView> Messages => _messages.Values.ToArray();

        public static async Task<Member> JoinAsync(ServerProcess node, HubProtocol protocol, string roomId, string name)
        {
            var member = new Member(protocol, roomId, name);
            await member.ConnectAndJoinAsync(node);
            return member;
        }

        public Task<SendMessageResponse> SendAsync(string text, string? clientMessageId = null)
            => _connection.InvokeAsync<SendMessageResponse>("SendMessage", new SendMessageRequest { RoomId = _roomId, ClientMessageId = clientMessageId ?? Ids.Message(), Text = text })
                .WaitAsync(Timeouts.Default);

        /// <summary>Leaves the stopping node and rejoins on <paramref name="node"/>, then asks for what it missed.</summary>
        public async Task MoveAsync(ServerProcess node)
        {
            var lastSeen = _messages.IsEmpty ? 0 : _messages.Keys.Max();
            await DisposeConnectionAsync();
            await ConnectAndJoinAsync(node);
            var missed = await _connection.InvokeAsync<MessageView[]>("GetHistory", _roomId, lastSeen).WaitAsync(Timeouts.Default);
            foreach (var m in missed) _messages.TryAdd(m.Sequence, m);
        }

        public async Task WaitForSequenceAsync(long sequence)
        {
            if (_messages.ContainsKey(sequence)) return;
            await _live.NextAsync(m => m.RoomId == _roomId && m.Sequence >= sequence);
        }

        private async Task ConnectAndJoinAsync(ServerProcess node)
        {
            _connection = await node.ConnectAsync(_userId, _protocol);
            _live = _connection.Record<MessageView>(RoomEvents.MessageReceived);
            _connection.On<MessageView>(RoomEvents.MessageReceived, m => _messages.TryAdd(m.Sequence, m));
            Closed = _connection.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
            var joined = await _connection.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest { RoomId = _roomId, DisplayName = _name }).WaitAsync(Timeouts.Default);
            foreach (var m in joined.History) _messages.TryAdd(m.Sequence, m);
        }

        private async Task DisposeConnectionAsync()
        {
            _live?.Dispose();
            Closed?.Dispose();
            if (_connection is not null) await _connection.DisposeAsync();
        }

        public ValueTask DisposeAsync() => new(DisposeConnectionAsync());
    }
}
