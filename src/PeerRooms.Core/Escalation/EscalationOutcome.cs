namespace PeerRooms.Core.Escalation;

/// <summary>How a case ended.</summary>
public enum EscalationOutcome
{
    SupportedInRoom,
    ReferredToCrisisLine,
    EmergencyServicesContacted,
    FollowUpScheduled,
    FalseAlarm,
    ParticipantLeft,
    Other,
}
