namespace PeerRooms.Server.Logging;

/// <summary>
/// Disclosure log lines (event ids 4000-4999). Ids, codes and counts only: never message text,
/// display names, attribute values or tokens.
/// </summary>
public static partial class DisclosureLog
{
    [LoggerMessage(4001, LogLevel.Debug, "Participant {ParticipantId} in room {RoomId} now shares {Count} attributes")]
    public static partial void AttributesChanged(ILogger logger, string roomId, string participantId, int count);

    [LoggerMessage(4002, LogLevel.Information, "Message {MessageId} in room {RoomId} retracted by its author")]
    public static partial void MessageRetracted(ILogger logger, string roomId, string messageId);

    [LoggerMessage(4010, LogLevel.Information, "Transcript purge deleted {Count} expired messages")]
    public static partial void TranscriptPurged(ILogger logger, int count);

    [LoggerMessage(4011, LogLevel.Error, "Transcript purge failed with {ExceptionType}")]
    public static partial void TranscriptPurgeFailed(ILogger logger, string exceptionType);
}
