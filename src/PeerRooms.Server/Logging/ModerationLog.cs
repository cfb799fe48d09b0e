namespace PeerRooms.Server.Logging;

/// <summary>Facilitator tools' log lines (event ids 3000-3999). Ids and codes only: never text or names.</summary>
public static partial class ModerationLog
{
    [LoggerMessage(3001, LogLevel.Information, "Moderation {Action} in room {RoomId} by {ActorUserId}")]
    public static partial void ActionApplied(ILogger logger, string action, string roomId, string actorUserId);

    [LoggerMessage(3002, LogLevel.Debug, "Facilitator-only call {Method} refused for room {RoomId}")]
    public static partial void FacilitatorOnlyRefused(ILogger logger, string method, string? roomId);

    [LoggerMessage(3003, LogLevel.Warning, "Group change for connection {ConnectionId} in room {RoomId} did not complete: {ExceptionType}")]
    public static partial void GroupChangeFailed(ILogger logger, string connectionId, string roomId, string exceptionType);

    [LoggerMessage(3004, LogLevel.Information, "Participant ejected from room {RoomId} with {Reason} ({Connections} connections)")]
    public static partial void Ejected(ILogger logger, string roomId, string reason, int connections);

    [LoggerMessage(3005, LogLevel.Debug, "Share timer {TimerId} in room {RoomId} ended and was announced")]
    public static partial void ShareTimerAnnounced(ILogger logger, string timerId, string roomId);

    [LoggerMessage(3006, LogLevel.Error, "Share timer {TimerId} in room {RoomId} failed with {ExceptionType}")]
    public static partial void ShareTimerFailed(ILogger logger, string timerId, string roomId, string exceptionType);

    [LoggerMessage(3007, LogLevel.Error, "After-join/leave moderation step in room {RoomId} failed with {ExceptionType}")]
    public static partial void LifecycleStepFailed(ILogger logger, string roomId, string exceptionType);
}
