using PeerRooms.Core.Errors;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// Decides, from a case and its page history alone, which tier must be paged next and when. Pure:
/// a timer adapter calls <see cref="NextAction"/>, pages if told to, records the page on the case
/// (<see cref="EscalationCase.RecordPage"/>), persists, and schedules itself for
/// <see cref="EscalationAction.DueAt"/>. Because the answer depends only on stored state, a timer
/// that restarts (or runs on another node) picks up exactly where paging stood.
/// </summary>
/// <remarks>
/// Rules: nothing once acknowledged or resolved, or when the room's action for the case's severity
/// does not page crisis staff (concern by default). First page: immediately for
/// <see cref="RoomSeverityActions.Imminent"/>-style actions (<c>PageImmediately</c>), otherwise after
/// <see cref="EscalationPolicyOptions.FacilitatorGracePeriod"/> from creation. Then, when the last
/// page's tier <see cref="EscalationTier.AckTimeout"/> has passed without acknowledgement: repeat the
/// tier until it has been paged <see cref="EscalationTier.RepeatCount"/> times, then the next tier;
/// after the last tier, <see cref="EscalationActionKind.Exhausted"/>.
/// </remarks>
public sealed class EscalationPolicy
{
    private readonly EscalationPolicyOptions _options;

    /// <exception cref="PeerRoomsException">The options are invalid (code <c>invalid_argument</c>), with every problem listed.</exception>
    public EscalationPolicy(EscalationPolicyOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw PeerRoomsException.Invalid(string.Join(" ", errors));
        }

        _options = options;
    }

    public IReadOnlyList<EscalationTier> Tiers => _options.Tiers;

    /// <summary>The next paging step for <paramref name="escalation"/> as of <paramref name="now"/>.</summary>
    public EscalationAction NextAction(EscalationCase escalation, DateTimeOffset now, RoomSeverityActions? room = null)
    {
        var action = (room ?? RoomSeverityActions.Default).For(escalation.Severity);
        if (!escalation.AwaitingAcknowledgement || action is not { PageCrisisStaff: true })
        {
            return EscalationAction.Nothing;
        }

        var tiers = _options.Tiers;
        if (escalation.Pages.Count == 0)
        {
            var firstDue = action.PageImmediately ? escalation.CreatedAt : escalation.CreatedAt + _options.FacilitatorGracePeriod;
            return Step(now >= firstDue ? EscalationActionKind.PageNow : EscalationActionKind.Wait, 0, firstDue);
        }

        var last = escalation.Pages[^1];
        var lastTier = Math.Clamp(last.TierIndex, 0, tiers.Count - 1);
        var timeoutAt = last.At + tiers[lastTier].AckTimeout;
        var pagedAtTier = escalation.Pages.Count(p => p.TierIndex == last.TierIndex);
        var next = last.TierIndex >= tiers.Count ? tiers.Count
            : pagedAtTier < tiers[lastTier].RepeatCount ? lastTier
            : lastTier + 1;
        if (next >= tiers.Count)
        {
            return now >= timeoutAt
                ? new EscalationAction(EscalationActionKind.Exhausted, null, null, timeoutAt)
                : new EscalationAction(EscalationActionKind.Wait, null, null, timeoutAt);
        }

        return Step(now >= timeoutAt ? EscalationActionKind.PageNow : EscalationActionKind.Wait, next, timeoutAt);
    }

    private EscalationAction Step(EscalationActionKind kind, int tier, DateTimeOffset due) =>
        new(kind, tier, _options.Tiers[tier], due);
}
