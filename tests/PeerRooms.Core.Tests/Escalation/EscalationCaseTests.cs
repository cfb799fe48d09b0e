using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Crisis;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Escalation;

namespace PeerRooms.Core.Tests.Escalation;

public class EscalationCaseTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-03-01T19:00:00Z"));

    internal static EscalationCase NewCase(DateTimeOffset now, CrisisSeverity severity = CrisisSeverity.High) => EscalationCase.Open(
        new EscalationRequest("case-1", "room-1", new EscalationSubject("p-7", "Blue Heron", "user-42"), severity,
            [CrisisCategory.Ideation], EscalationTrigger.Detection, "msg-9", "detector"),
        now);

    [Fact]
    public void Walks_the_happy_path_and_audits_every_step()
    {
        var c = NewCase(_time.GetUtcNow());
        Assert.Equal(EscalationState.Open, c.State);
        _time.Advance(TimeSpan.FromSeconds(30));
        c.Claim("staff-a", _time.GetUtcNow());
        c.Acknowledge("staff-a", _time.GetUtcNow());
        c.AddNote("staff-a", "Reached out in a private room.", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(20));
        c.Resolve("staff-a", EscalationOutcome.ReferredToCrisisLine, _time.GetUtcNow(), "Connected to local line.");

        Assert.Equal(EscalationState.Resolved, c.State);
        Assert.Equal(EscalationOutcome.ReferredToCrisisLine, c.Outcome);
        Assert.Equal("staff-a", c.Owner);
        Assert.Equal(2, c.Notes.Count);
        Assert.Equal(["opened", "claimed", "acknowledged", "note_added", "resolved"], c.Audit.Select(a => a.Action));
        Assert.Equal(_time.GetUtcNow(), c.UpdatedAt);
        Assert.Equal("msg-9", c.TriggeringMessageId);
    }

    [Fact]
    public void Claim_by_someone_else_is_refused_and_own_claim_is_idempotent()
    {
        var c = NewCase(_time.GetUtcNow());
        c.Claim("staff-a", _time.GetUtcNow());
        c.Claim("staff-a", _time.GetUtcNow());
        var error = Assert.Throws<PeerRoomsException>(() => c.Claim("staff-b", _time.GetUtcNow()));
        Assert.Equal(ErrorCodes.AlreadyClaimed, error.Code);
        Assert.Equal("staff-a", c.Owner);
        Assert.Equal(2, c.Audit.Count);
    }

    [Fact]
    public void Illegal_moves_throw_and_change_nothing()
    {
        var c = NewCase(_time.GetUtcNow());
        Assert.Equal(ErrorCodes.InvalidState, Assert.Throws<PeerRoomsException>(() => c.Acknowledge("staff-a", _time.GetUtcNow())).Code);
        Assert.Equal(ErrorCodes.InvalidState,
            Assert.Throws<PeerRoomsException>(() => c.Resolve("staff-a", EscalationOutcome.FalseAlarm, _time.GetUtcNow())).Code);
        c.Claim("staff-a", _time.GetUtcNow());
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<PeerRoomsException>(() => c.Acknowledge("staff-b", _time.GetUtcNow())).Code);
        c.Resolve("staff-a", EscalationOutcome.FalseAlarm, _time.GetUtcNow());
        var version = c.Version;
        Assert.Equal(ErrorCodes.InvalidState, Assert.Throws<PeerRoomsException>(() => c.Claim("staff-b", _time.GetUtcNow())).Code);
        Assert.Equal(ErrorCodes.InvalidState, Assert.Throws<PeerRoomsException>(() => c.RecordPage(0, "crisis-staff", _time.GetUtcNow())).Code);
        Assert.Equal(ErrorCodes.InvalidState,
            Assert.Throws<PeerRoomsException>(() => c.Raise(CrisisSeverity.Imminent, [], "detector", _time.GetUtcNow())).Code);
        Assert.Equal(version, c.Version);
    }

    [Fact]
    public void Release_returns_to_open_and_raise_never_lowers()
    {
        var c = NewCase(_time.GetUtcNow());
        c.Claim("staff-a", _time.GetUtcNow());
        c.Release("staff-a", _time.GetUtcNow());
        Assert.Equal(EscalationState.Open, c.State);
        Assert.Null(c.Owner);
        c.Raise(CrisisSeverity.Imminent, [CrisisCategory.PlanIntent], "detector", _time.GetUtcNow());
        c.Raise(CrisisSeverity.Concern, [], "detector", _time.GetUtcNow());
        Assert.Equal(CrisisSeverity.Imminent, c.Severity);
        Assert.Equal([CrisisCategory.Ideation, CrisisCategory.PlanIntent], c.Categories);
    }

    [Fact]
    public void Opening_requires_a_real_severity()
    {
        var error = Assert.Throws<PeerRoomsException>(() => NewCase(_time.GetUtcNow(), CrisisSeverity.None));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }
}
