namespace PeerRooms.Core.Escalation;

/// <summary>
/// What a room does at one severity level.
/// </summary>
/// <param name="AlertFacilitators">Alert the room's facilitators.</param>
/// <param name="PageCrisisStaff">Page crisis staff through the policy's tiers.</param>
/// <param name="PageImmediately">Skip the facilitator grace period and page at once.</param>
/// <param name="ShowCrisisResources">Show the participant the crisis resources card.</param>
/// <param name="MessageHandling">What to do with the message itself.</param>
public sealed record SeverityAction(
    bool AlertFacilitators,
    bool PageCrisisStaff,
    bool PageImmediately,
    bool ShowCrisisResources,
    RiskyMessageHandling MessageHandling);
