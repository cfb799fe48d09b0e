namespace PeerRooms.Core.Escalation;

/// <summary>What raised a case.</summary>
public enum EscalationTrigger
{
    /// <summary>The crisis detector flagged a message.</summary>
    Detection,

    /// <summary>The participant asked for help themselves.</summary>
    SelfReport,

    /// <summary>A facilitator raised it.</summary>
    Facilitator,
}
