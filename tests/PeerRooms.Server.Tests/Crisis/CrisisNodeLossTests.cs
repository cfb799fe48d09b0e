using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>
/// "Never lost": a node that detected risk and wrote the case (with its outbox) but never paged —
/// here a node whose relay is switched off (<c>PeerRooms:Escalation:RelayEnabled=false</c>) and
/// which is then stopped, in process (not a kill -9 of a separate process) — is covered by
/// another node started afterwards on the same store: the page arrives, once.
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
