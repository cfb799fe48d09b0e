using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Core.Tests.Escalation;

public class EscalationPolicyTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-03-01T19:00:00Z"));

    private static EscalationPolicy Policy() => new(new EscalationPolicyOptions
    {
        FacilitatorGracePeriod = TimeSpan.FromMinutes(2),
        Tiers =
        [
            new() { Name = "crisis-staff", Target = PageTargetKind.CrisisStaff, AckTimeout = TimeSpan.FromMinutes(2), RepeatCount = 2 },
            new() { Name = "supervisors", Target = PageTargetKind.Supervisors, AckTimeout = TimeSpan.FromMinutes(3) },
            new() { Name = "on-call-hook", Target = PageTargetKind.Webhook, AckTimeout = TimeSpan.FromMinutes(5), WebhookUrl = "https://example.org/page" },
        ],
    });

    [Fact]
    public void Imminent_pages_at_once_then_repeats_then_climbs_the_ladder_until_exhausted()
    {
        var policy = Policy();
        var c = EscalationCaseTests.NewCase(_time.GetUtcNow(), CrisisSeverity.Imminent);
        var expected = new[] { (0, 2), (0, 2), (1, 3), (2, 5) };
        foreach (var (tier, timeout) in expected)
        {
            var action = policy.NextAction(c, _time.GetUtcNow());
            Assert.Equal(EscalationActionKind.PageNow, action.Kind);
            Assert.Equal(tier, action.TierIndex);
            c.RecordPage(tier, action.Tier!.Name, _time.GetUtcNow());

            _time.Advance(TimeSpan.FromMinutes(timeout) - TimeSpan.FromSeconds(1));
            var waiting = policy.NextAction(c, _time.GetUtcNow());
            Assert.Equal(EscalationActionKind.Wait, waiting.Kind);
            Assert.Equal(c.Pages[^1].At + TimeSpan.FromMinutes(timeout), waiting.DueAt);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(EscalationActionKind.Exhausted, policy.NextAction(c, _time.GetUtcNow()).Kind);
        Assert.Equal([1, 2, 1, 1], c.Pages.Select(p => p.Attempt));
    }

    [Fact]
    public void High_waits_for_the_facilitator_grace_period_and_acknowledgement_stops_paging()
    {
        var policy = Policy();
        var c = EscalationCaseTests.NewCase(_time.GetUtcNow(), CrisisSeverity.High);
        var first = policy.NextAction(c, _time.GetUtcNow());
        Assert.Equal(EscalationActionKind.Wait, first.Kind);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(2), first.DueAt);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(EscalationActionKind.PageNow, policy.NextAction(c, _time.GetUtcNow()).Kind);
        c.RecordPage(0, "crisis-staff", _time.GetUtcNow());
        c.Claim("staff-a", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(EscalationActionKind.PageNow, policy.NextAction(c, _time.GetUtcNow()).Kind); // claimed is not acknowledged
        c.Acknowledge("staff-a", _time.GetUtcNow());
        Assert.Equal(EscalationActionKind.None, policy.NextAction(c, _time.GetUtcNow()).Kind);
    }

    [Fact]
    public void Concern_alerts_facilitators_only_unless_the_room_says_otherwise()
    {
        var policy = Policy();
        var c = EscalationCaseTests.NewCase(_time.GetUtcNow(), CrisisSeverity.Concern);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(EscalationActionKind.None, policy.NextAction(c, _time.GetUtcNow()).Kind);

        var strict = new RoomSeverityActions { Concern = new SeverityAction(true, true, true, false, RiskyMessageHandling.Deliver) };
        Assert.Empty(strict.Validate());
        Assert.Equal(EscalationActionKind.PageNow, policy.NextAction(c, _time.GetUtcNow(), strict).Kind);
    }

    [Fact]
    public void Default_room_actions_follow_the_design()
    {
        var room = RoomSeverityActions.Default;
        Assert.Null(room.For(CrisisSeverity.None));
        Assert.False(room.For(CrisisSeverity.Concern)!.PageCrisisStaff);
        Assert.True(room.For(CrisisSeverity.High)!.PageCrisisStaff);
        Assert.True(room.For(CrisisSeverity.Imminent)!.PageImmediately);
        Assert.True(room.For(CrisisSeverity.Imminent)!.ShowCrisisResources);
        Assert.Empty(room.Validate());
        Assert.NotEmpty(new RoomSeverityActions { Imminent = new SeverityAction(true, false, false, true, RiskyMessageHandling.Deliver) }.Validate());
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var error = Assert.Throws<PeerRoomsException>(() => new EscalationPolicy(new EscalationPolicyOptions
        {
            Tiers = [new() { Name = "", AckTimeout = TimeSpan.Zero, RepeatCount = 0, Target = PageTargetKind.Webhook }],
        }));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("Name is required", error.Message);
        Assert.Contains("AckTimeout must be positive", error.Message);
        Assert.Contains("RepeatCount must be at least 1", error.Message);
        Assert.Contains("WebhookUrl", error.Message);
    }
}
