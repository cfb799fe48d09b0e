namespace PeerRooms.Core.Escalation;

/// <summary>
/// What happens to the message itself when a scan finds risk. Wire names: <c>deliver</c>,
/// <c>deliver_with_warning</c>, <c>hold_for_review</c>.
/// </summary>
public enum RiskyMessageHandling
{
    /// <summary>Deliver as usual; only staff are alerted.</summary>
    Deliver,

    /// <summary>Deliver with a content warning (others may tap to reveal).</summary>
    DeliverWithWarning,

    /// <summary>Hold for a facilitator to review; the sender sees it as sent to facilitators.</summary>
    HoldForReview,
}
