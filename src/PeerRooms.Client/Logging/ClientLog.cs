using Microsoft.Extensions.Logging;

namespace PeerRooms.Client.Logging;

/// <summary>
/// The client's log messages (event ids 6000-6099 of the client/load range). Ids, codes and counts
/// only: never message text, display names or tokens.
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Connection lost; reconnecting ({ExceptionType})")]
    public static partial void Reconnecting(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Reconnected; rejoining {RoomCount} room(s)")]
    public static partial void Reconnected(ILogger logger, int roomCount);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Rejoined room {RoomId}; {Missed} missed message(s) recovered")]
    public static partial void RoomRejoined(ILogger logger, string roomId, int missed);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Could not rejoin room {RoomId}: {Code}")]
    public static partial void RejoinRefused(ILogger logger, string roomId, string code);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Room {RoomId} closed for this participant ({Reason}, terminal={Terminal})")]
    public static partial void RoomClosed(ILogger logger, string roomId, string reason, bool terminal);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Rejoining room {RoomId} failed ({ExceptionType}); will retry on the next reconnect")]
    public static partial void RejoinInterrupted(ILogger logger, string roomId, string exceptionType);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "An event handler for {EventName} threw {ExceptionType}")]
    public static partial void HandlerFailed(ILogger logger, string eventName, string exceptionType);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Connection closed for good ({ExceptionType})")]
    public static partial void Closed(ILogger logger, string exceptionType);
}
