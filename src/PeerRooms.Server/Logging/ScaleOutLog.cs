namespace PeerRooms.Server.Logging;

/// <summary>Scale-out log lines (event ids 2000-2999): leases, sweeps, shared-state outages. Ids and counts only.</summary>
public static partial class ScaleOutLog
{
    [LoggerMessage(2001, LogLevel.Warning, "Node {NodeId} could not renew its lease ({ExceptionType}); retrying")]
    public static partial void LeaseRenewalFailed(ILogger logger, string nodeId, string exceptionType);

    [LoggerMessage(2002, LogLevel.Information, "Node {NodeId} renews its lease again")]
    public static partial void LeaseRenewalRecovered(ILogger logger, string nodeId);

    [LoggerMessage(2003, LogLevel.Information, "Swept dead node {DeadNodeId}: {Departures} participants left")]
    public static partial void DeadNodeSwept(ILogger logger, string deadNodeId, int departures);

    [LoggerMessage(2004, LogLevel.Warning, "Dead-node sweep failed ({ExceptionType}); retrying")]
    public static partial void SweepFailed(ILogger logger, string exceptionType);

    [LoggerMessage(2005, LogLevel.Information, "A leave that failed during an outage was written for room {RoomId}")]
    public static partial void PendingLeaveWritten(ILogger logger, string roomId);

    [LoggerMessage(2010, LogLevel.Warning, "PostgreSQL schema migration deferred ({ExceptionType}); the node is not ready until it succeeds")]
    public static partial void DatabaseMigrationDeferred(ILogger logger, string exceptionType);

    [LoggerMessage(2006, LogLevel.Warning, "Node {NodeId}'s lease had lapsed or vanished (swept, or Redis lost its data); re-asserting {Connections} connections")]
    public static partial void LeaseLapsed(ILogger logger, string nodeId, int connections);

    [LoggerMessage(2007, LogLevel.Information, "A participant of this node was missing from room {RoomId} and was re-asserted")]
    public static partial void ParticipantReasserted(ILogger logger, string roomId);

    [LoggerMessage(2008, LogLevel.Warning, "Re-asserting a connection in room {RoomId} was refused with {Code}")]
    public static partial void ReassertRefused(ILogger logger, string roomId, string code);
}
