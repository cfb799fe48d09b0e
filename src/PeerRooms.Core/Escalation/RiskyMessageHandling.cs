using System.Text.Json.Serialization;

namespace PeerRooms.Core.Escalation;

/// <summary>
/// What happens to the message itself when a scan finds risk. Wire names: <c>deliver</c>,
/// <c>deliver_with_warning</c>, <c>hold_for_review</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskyMessageHandling>))]
public enum RiskyMessageHandling
{
    /// <summary>Deliver as usual; only staff are alerted.</summary>
    [JsonStringEnumMemberName("deliver")]
    Deliver,

    /// <summary>Deliver with a content warning (others may tap to reveal).</summary>
    [JsonStringEnumMemberName("deliver_with_warning")]
    DeliverWithWarning,

    /// <summary>Hold for a facilitator to review; the sender sees it as sent to facilitators.</summary>
    [JsonStringEnumMemberName("hold_for_review")]
    HoldForReview,
}
