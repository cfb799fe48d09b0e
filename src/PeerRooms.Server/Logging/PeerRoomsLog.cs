namespace PeerRooms.Server.Logging;

/// <summary>
/// Every log line PeerRooms writes, source-generated with stable event ids. By rule, no message
/// here takes message text, display names, attribute values or tokens: ids, codes and counts only.
/// </summary>
public static partial class PeerRoomsLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Hub call {Method} refused with {Code}")]
    public static partial void HubCallRefused(ILogger logger, string method, string code);

    [LoggerMessage(1002, LogLevel.Error, "Hub call {Method} failed with {ExceptionType}")]
    public static partial void HubCallFailed(ILogger logger, string method, string exceptionType);

    [LoggerMessage(1100, LogLevel.Information, "Node {NodeId} started; live state {StateBackend}, durable store {DurableBackend}")]
    public static partial void NodeStarted(ILogger logger, string nodeId, string stateBackend, string durableBackend);

    [LoggerMessage(1003, LogLevel.Error, "Message observer {Observer} failed with {ExceptionType}")]
    public static partial void ObserverFailed(ILogger logger, string observer, string exceptionType);
}
