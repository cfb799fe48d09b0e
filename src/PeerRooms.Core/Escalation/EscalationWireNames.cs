namespace PeerRooms.Core.Escalation;

/// <summary>Wire names of the escalation enums (snake_case, never renamed).</summary>
public static class EscalationWireNames
{
    public static string ToWireName(this EscalationState state) => state switch
    {
        EscalationState.Open => "open",
        EscalationState.Claimed => "claimed",
        EscalationState.Acknowledged => "acknowledged",
        EscalationState.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string ToWireName(this EscalationTrigger trigger) => trigger switch
    {
        EscalationTrigger.Detection => "detection",
        EscalationTrigger.SelfReport => "self_report",
        EscalationTrigger.Facilitator => "facilitator",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };

    public static string ToWireName(this EscalationOutcome outcome) => outcome switch
    {
        EscalationOutcome.SupportedInRoom => "supported_in_room",
        EscalationOutcome.ReferredToCrisisLine => "referred_to_crisis_line",
        EscalationOutcome.EmergencyServicesContacted => "emergency_services_contacted",
        EscalationOutcome.FollowUpScheduled => "follow_up_scheduled",
        EscalationOutcome.FalseAlarm => "false_alarm",
        EscalationOutcome.ParticipantLeft => "participant_left",
        EscalationOutcome.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
