namespace PeerRooms.Server.Logging;

/// <summary>Security log lines (ids 8000-8999): ids, codes and counts only; never tokens, origins' paths with queries, or text.</summary>
public static partial class SecurityLog
{
    [LoggerMessage(8001, LogLevel.Warning, "Hub request refused: origin not allowed on {Path}")]
    public static partial void OriginRefused(ILogger logger, string path);

    [LoggerMessage(8002, LogLevel.Information, "User {UserId} rate-limited on {Limit} calling {Method}")]
    public static partial void RateLimited(ILogger logger, string userId, string limit, string method);

    [LoggerMessage(8003, LogLevel.Warning, "Connection refused: user {UserId} holds {Count} connections on this node")]
    public static partial void TooManyConnections(ILogger logger, string userId, int count);

    [LoggerMessage(8004, LogLevel.Warning, "Connection refused: user {UserId} is blocked")]
    public static partial void BlockedUserRefused(ILogger logger, string userId);

    [LoggerMessage(8005, LogLevel.Warning, "Admin {AdminId} disconnected user {UserId} ({LocalConnections} local connections, blocked until {BlockedUntil})")]
    public static partial void UserDisconnected(ILogger logger, string adminId, string userId, int localConnections, DateTimeOffset? blockedUntil);

    [LoggerMessage(8006, LogLevel.Information, "Aborted {Count} connections of user {UserId} on a signal from another node")]
    public static partial void RemoteDisconnect(ILogger logger, string userId, int count);

    [LoggerMessage(8007, LogLevel.Warning, "Security alert to facilitators of room {RoomId}: participant {ParticipantId} hit the {Limit} limit")]
    public static partial void AlertRaised(ILogger logger, string roomId, string participantId, string limit);

    [LoggerMessage(8008, LogLevel.Error, "Raising a security alert failed with {ExceptionType}")]
    public static partial void AlertFailed(ILogger logger, string exceptionType);

    [LoggerMessage(8009, LogLevel.Error, "Cross-node disconnect signal failed with {ExceptionType}")]
    public static partial void DisconnectSignalFailed(ILogger logger, string exceptionType);

    [LoggerMessage(8010, LogLevel.Warning, "Block list unreachable ({ExceptionType}); admitting the caller")]
    public static partial void BlockListUnavailable(ILogger logger, string exceptionType);
}
