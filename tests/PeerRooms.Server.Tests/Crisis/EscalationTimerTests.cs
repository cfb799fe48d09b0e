using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Crisis;

/// <summary>Acknowledgement timeouts on a real node whose clock is a FakeTimeProvider: an unacknowledged case climbs the ladder; an acknowledged one stops.</summary>
public class EscalationTimerTests
{
    [Theory, ClassData(typeof(Protocols))]
    public async Task An_unacknowledged_case_moves_to_the_next_tier_and_an_acknowledged_one_stops(HubProtocol protocol)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var server = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Escalation:Tiers:0:Name"] = "on-call",
            ["PeerRooms:Escalation:Tiers:0:Target"] = "CrisisStaff",
            ["PeerRooms:Escalation:Tiers:0:AckTimeout"] = "00:02:00",
            ["PeerRooms:Escalation:Tiers:0:RepeatCount"] = "2",
            ["PeerRooms:Escalation:Tiers:1:Name"] = "supervisors",
            ["PeerRooms:Escalation:Tiers:1:Target"] = "Supervisors",
            ["PeerRooms:Escalation:Tiers:1:AckTimeout"] = "00:03:00",
        }, configure: b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));
        var staffId = Ids.User("staff");
        await using var staff = await server.ConnectStaffAsync(staffId, protocol);
        await using var supervisor = await server.ConnectStaffAsync(Ids.User("sup"), protocol, "admin");
        using var staffPages = staff.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        using var supervisorPages = supervisor.Record<CasePagedEvent>(CrisisEvents.CasePaged);
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync(Ids.User(), protocol);
        await using var bob = await server.ConnectAsync(Ids.User(), protocol);
        await alice.JoinAsync(room, "Alice");
        await bob.JoinAsync(room, "Bob");

        var ignored = await alice.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);
        var handled = await bob.InvokeAsync<EscalationResponse>("RequestHelp", room).WaitAsync(Timeouts.Default);
        Assert.Equal("on-call", (await staffPages.NextAsync(p => p.Case.CaseId == ignored.CaseId)).Tier);
        await staffPages.NextAsync(p => p.Case.CaseId == handled.CaseId);
        await staff.InvokeAsync<CaseView>("ClaimCase", handled.CaseId).WaitAsync(Timeouts.Default);
        await staff.InvokeAsync<CaseView>("AcknowledgeCase", handled.CaseId).WaitAsync(Timeouts.Default);

        // Two minutes without acknowledgement: the same tier again (attempt 2).
        time.Advance(TimeSpan.FromMinutes(2));
        var repeat = await staffPages.NextAsync(p => p.Case.CaseId == ignored.CaseId && p.Attempt == 2);
        Assert.Equal($"{ignored.CaseId}:0:2", repeat.DedupKey);

        // Two more: the next tier, supervisors.
        time.Advance(TimeSpan.FromMinutes(2));
        var climbed = await supervisorPages.NextAsync(p => p.Case.CaseId == ignored.CaseId && p.Tier == "supervisors");
        Assert.Equal(1, climbed.TierIndex);
        Assert.Equal($"{ignored.CaseId}:1:1", climbed.DedupKey);

        // Read through the hub: the node's fake clock is now ahead of the real one that validates new tokens.
        var detail = await staff.InvokeAsync<CaseDetailView>("GetCase", ignored.CaseId).WaitAsync(Timeouts.Default);
        Assert.Equal([("on-call", 1), ("on-call", 2), ("supervisors", 1)], detail.Pages.Select(p => (p.Tier, p.Attempt)));
        var acknowledged = await staff.InvokeAsync<CaseDetailView>("GetCase", handled.CaseId).WaitAsync(Timeouts.Default);
        Assert.Single(acknowledged.Pages);
        Assert.DoesNotContain(supervisorPages.Seen, p => p.Case.CaseId == handled.CaseId && p.Tier == "supervisors");
        Assert.DoesNotContain(staffPages.Seen, p => p.Case.CaseId == handled.CaseId && p.Attempt > 1);
    }
}
