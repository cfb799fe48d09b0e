using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>
/// Two real nodes sharing a real redis-server (backplane, same unique prefix) and one durable store
/// (the same SQLite file): pages cross nodes, claims have one winner across nodes.
/// </summary>
public class CrisisMultiNodeTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task A_message_on_one_node_pages_crisis_staff_on_the_other_within_a_second(HubProtocol protocol)
    {
        var room = await cluster.A.CreateRoomAsync("Night owls");
        var other = await cluster.A.CreateRoomAsync("Other room");
        await using var staff = await cluster.B.ConnectStaffAsync(Ids.User("staff"), protocol);
        using var pages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        await using var alice = await cluster.A.ConnectAsync(Ids.User(), protocol);
        await using var listener = await cluster.B.ConnectAsync(Ids.User(), protocol);
        using var listenerMessages = listener.Record<MessageView>(RoomEvents.MessageReceived);
        using var listenerAlerts = listener.Record<RiskAlertEvent>(CrisisEvents.RiskAlert);
        using var listenerCards = listener.Record<CrisisResourcesEvent>(CrisisEvents.CrisisResources);
        await listener.JoinAsync(other, "Listener");
        await alice.JoinAsync(room, "Alice");

        var clock = Stopwatch.StartNew();
        var sent = await alice.SendAsync(room, "voy a tomarme todas las pastillas ahora mismo");
        var page = await pages.NextAsync(p => p.Case.RoomId == room);
        var elapsed = clock.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"page took {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("imminent", page.Case.Severity);
        Assert.Equal(sent.MessageId, page.Case.TriggeringMessage!.MessageId);
        Assert.Equal("Alice", page.Case.Pseudonym);

        var marker = await listener.SendAsync(other, "marker");
        await listenerMessages.NextAsync(m => m.MessageId == marker.MessageId);
        Assert.DoesNotContain(listenerMessages.Seen, m => m.RoomId == room);
        Assert.Empty(listenerAlerts.Seen);
        Assert.Empty(listenerCards.Seen);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Staff_on_two_nodes_race_to_claim_and_exactly_one_wins(HubProtocol protocol)
    {
        var room = await cluster.A.CreateRoomAsync();
        await using var onA = await cluster.A.ConnectStaffAsync(Ids.User("sa"), protocol);
        await using var onB = await cluster.B.ConnectStaffAsync(Ids.User("sb"), protocol);
        using var pagesA = onA.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        using var pagesB = onB.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        await using var alice = await cluster.B.ConnectAsync(Ids.User(), protocol);
        await alice.JoinAsync(room, "Alice");
        var help = await alice.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);
        await Task.WhenAll(pagesA.NextAsync(p => p.Case.CaseId == help.CaseId), pagesB.NextAsync(p => p.Case.CaseId == help.CaseId));

        for (var round = 0; round < 3; round++)
        {
            var results = await Task.WhenAll(Claim(onA, help.CaseId), Claim(onB, help.CaseId));
            Assert.Single(results, r => r is null);
            Assert.Single(results, r => r == ErrorCodes.AlreadyClaimed);
            var winner = results[0] is null ? onA : onB;
            await winner.InvokeAsync<CaseView>("ReleaseCase", help.CaseId).WaitAsync(Timeouts.Default);
        }
        var detail = await cluster.A.GetCaseAsync(help.CaseId);
        Assert.Equal(3, detail.Audit.Count(e => e.Action == "claimed"));
        Assert.Equal(3, detail.Audit.Count(e => e.Action == "released"));
    }

    private static async Task<string?> Claim(HubConnection c, string caseId)
    {
        try
        {
            await c.InvokeAsync<CaseView>("ClaimCase", caseId).WaitAsync(Timeouts.Default);
            return null;
        }
        catch (Microsoft.AspNetCore.SignalR.HubException ex)
        {
            return HubErrorMessages.TryParseCode(ex.Message);
        }
    }
}
