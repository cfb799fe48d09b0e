using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>
/// "Never lost": a node that detected risk and wrote the case (with its outbox) but never paged —
/// a node whose relay is switched off (<c>PeerRooms:Escalation:RelayEnabled=false</c>) — is covered
/// by another node started afterwards on the same store: the page arrives, once. Twice over: a node
/// stopped in process, and a real server process killed with SIGKILL.
/// </summary>
public class CrisisNodeLossTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-tests", "loss-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _prefix = RedisFixture.UniquePrefix();

    private PeerRoomsServer Node(string id, bool relay) => new(new Dictionary<string, string?>
    {
        ["PeerRooms:Redis"] = redis.Redis.Configuration,
        ["PeerRooms:RedisPrefix"] = _prefix,
        ["PeerRooms:NodeId"] = id,
        ["PeerRooms:DataDirectory"] = _dataDirectory,
        ["PeerRooms:Escalation:RelayEnabled"] = relay ? "true" : "false",
    });

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_case_written_by_a_node_that_died_before_paging_is_paged_once_by_another_node(HubProtocol protocol)
    {
        // The staff member's node never relays, so every page they see came through another node.
        using var staffNode = Node("staff-node", relay: false);
        await using var staff = await staffNode.ConnectStaffAsync(Ids.User("staff"), protocol);
        using var pages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);

        var doomed = Node("doomed", relay: false);
        var room = await doomed.CreateRoomAsync();
        string caseId;
        await using (var alice = await doomed.ConnectAsync(Ids.User(), protocol))
        {
            await alice.JoinAsync(room, "Alice");
            var help = await alice.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);
            caseId = help.CaseId;
        }
        // The case is durable and visible to staff, but nobody was paged.
        var open = await staff.InvokeAsync<CaseView[]>("GetOpenCases").WaitAsync(Timeouts.Default);
        Assert.Contains(open, c => c.CaseId == caseId);
        Assert.Empty(pages.Seen);
        doomed.Dispose();

        using var survivor = Node("survivor", relay: true);
        var page = await pages.NextAsync(p => p.Case.CaseId == caseId);
        Assert.Equal($"{caseId}:0:1", page.DedupKey);

        // A later case paged by the same survivor proves the relay moved on; the first page came once.
        var room2 = await survivor.CreateRoomAsync();
        await using var bob = await survivor.ConnectAsync(Ids.User(), protocol);
        await bob.JoinAsync(room2, "Bob");
        var second = await bob.InvokeAsync<EscalationResponse>("RequestHelp", room2).WaitAsync(Timeouts.Default);
        await pages.NextAsync(p => p.Case.CaseId == second.CaseId);
        Assert.Single(pages.Seen, p => p.DedupKey == page.DedupKey);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_server_process_killed_after_writing_a_case_is_covered_by_a_node_started_afterwards(HubProtocol protocol)
    {
        using var staffNode = Node("staff-node", relay: false);
        await using var staff = await staffNode.ConnectStaffAsync(Ids.User("staff"), protocol);
        using var pages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);

        var doomed = await PeerRoomsProcess.StartAsync("crisis-doomed-" + Guid.NewGuid().ToString("N")[..6], new Dictionary<string, string?>
        {
            ["PeerRooms__Redis"] = redis.Redis.Configuration,
            ["PeerRooms__RedisPrefix"] = _prefix,
            ["PeerRooms__DataDirectory"] = _dataDirectory,
            ["PeerRooms__Escalation__RelayEnabled"] = "false",
        });
        string caseId;
        try
        {
            var room = await doomed.CreateRoomAsync("Late night");
            var token = await doomed.TokenAsync(Ids.User("alice"));
            var builder = new HubConnectionBuilder().WithUrl(new Uri(doomed.BaseAddress, HubPaths.Rooms), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            });
            if (protocol == HubProtocol.MessagePack) builder.AddMessagePackProtocol();
            await using var alice = builder.Build();
            await alice.StartAsync().WaitAsync(Timeouts.Default);
            await alice.JoinAsync(room, "Alice");
            var sent = await alice.SendAsync(room, CrisisKit.Imminent);
            var open = await staff.InvokeAsync<CaseView[]>("GetOpenCases").WaitAsync(Timeouts.Default);
            caseId = Assert.Single(open, c => c.TriggeringMessage?.MessageId == sent.MessageId).CaseId;
            Assert.Empty(pages.Seen);
            doomed.Kill(); // SIGKILL between the durable write and any page
        }
        finally
        {
            await doomed.DisposeAsync();
        }

        using var survivor = Node("survivor", relay: true);
        var page = await pages.NextAsync(p => p.Case.CaseId == caseId, TimeSpan.FromSeconds(20));
        Assert.Equal($"{caseId}:0:1", page.DedupKey);
        Assert.Equal(CrisisKit.Imminent, page.Case.TriggeringMessage!.Text);

        var room2 = await survivor.CreateRoomAsync();
        await using var bob = await survivor.ConnectAsync(Ids.User(), protocol);
        await bob.JoinAsync(room2, "Bob");
        var second = await bob.InvokeAsync<EscalationResponse>("RequestHelp", room2).WaitAsync(Timeouts.Default);
        await pages.NextAsync(p => p.Case.CaseId == second.CaseId);
        Assert.Single(pages.Seen, p => p.DedupKey == page.DedupKey);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
