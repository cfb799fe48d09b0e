namespace PeerRooms.Server.Logging;

/// <summary>Crisis detection and escalation log lines (event ids 5000-5999). Case ids, severities, counts and codes only: never message text, pseudonyms or user ids.</summary>
public static partial class CrisisLog
{
    [LoggerMessage(5001, LogLevel.Information, "Crisis lexicons loaded: {Languages} language(s), {Patterns} pattern(s)")]
    public static partial void LexiconsLoaded(ILogger logger, int languages, int patterns);

    [LoggerMessage(5002, LogLevel.Error, "Crisis lexicon reload failed ({Reason}); the previous lexicons keep serving")]
    public static partial void LexiconReloadFailed(ILogger logger, string reason);

    [LoggerMessage(5010, LogLevel.Warning, "Escalation case {CaseId} opened: {Severity} by {Trigger}")]
    public static partial void CaseOpened(ILogger logger, string caseId, string severity, string trigger);

    [LoggerMessage(5011, LogLevel.Information, "Escalation case {CaseId}: {Action} (state {State}, severity {Severity})")]
    public static partial void CaseChanged(ILogger logger, string caseId, string action, string state, string severity);

    [LoggerMessage(5020, LogLevel.Information, "Delivered {Target} {Event} {DedupKey} (delivery {Delivery})")]
    public static partial void OutboxDelivered(ILogger logger, string target, string @event, string dedupKey, int delivery);

    [LoggerMessage(5021, LogLevel.Warning, "Delivery of {DedupKey} failed ({Reason}); retry at {RetryAt:O}")]
    public static partial void OutboxDeliveryFailed(ILogger logger, string dedupKey, string reason, DateTimeOffset retryAt);

    [LoggerMessage(5022, LogLevel.Error, "Outbox relay poll failed with {ExceptionType}")]
    public static partial void RelayPollFailed(ILogger logger, string exceptionType);

    [LoggerMessage(5023, LogLevel.Information, "Outbox relay on node {NodeId}: {State}")]
    public static partial void RelayState(ILogger logger, string nodeId, string state);

    [LoggerMessage(5030, LogLevel.Critical, "Escalation case {CaseId} paged every tier without acknowledgement: alert operations")]
    public static partial void EscalationExhausted(ILogger logger, string caseId);

    [LoggerMessage(5031, LogLevel.Error, "Escalation timer poll failed with {ExceptionType}")]
    public static partial void TimerPollFailed(ILogger logger, string exceptionType);

    [LoggerMessage(5040, LogLevel.Critical, "Could not open an escalation for a risky message in room {RoomId} ({ExceptionType})")]
    public static partial void EscalationFailed(ILogger logger, string roomId, string exceptionType);
}
