namespace PeerRooms.Server.Logging;

/// <summary>Video session log lines (event ids 9000-9999). Room ids, counts and codes only: never SDP or ICE payloads, names or tokens.</summary>
public static partial class VideoLog
{
    [LoggerMessage(9001, LogLevel.Debug, "Video session of room {RoomId}: a member joined (new: {IsNew}, {Members} members)")]
    public static partial void Joined(ILogger logger, string roomId, bool isNew, int members);

    [LoggerMessage(9002, LogLevel.Debug, "Video session of room {RoomId}: a member left ({Reason})")]
    public static partial void Left(ILogger logger, string roomId, string reason);

    [LoggerMessage(9003, LogLevel.Debug, "Video session of room {RoomId}: publishing changed (audio {Audio}, video {Video}, {Demoted} demoted)")]
    public static partial void PublishingChanged(ILogger logger, string roomId, bool audio, bool video, int demoted);

    [LoggerMessage(9004, LogLevel.Trace, "Video session of room {RoomId}: {Kind} signal relayed")]
    public static partial void SignalRelayed(ILogger logger, string roomId, string kind);

    [LoggerMessage(9005, LogLevel.Information, "Video session of room {RoomId}: a facilitator removed a member")]
    public static partial void RemovedByFacilitator(ILogger logger, string roomId);

    [LoggerMessage(9006, LogLevel.Information, "Video session of room {RoomId}: spotlight {On} ({Demoted} demoted)")]
    public static partial void SpotlightChanged(ILogger logger, string roomId, bool on, int demoted);

    [LoggerMessage(9007, LogLevel.Warning, "Video session of room {RoomId}: dropping a departed member failed with {ExceptionType}")]
    public static partial void DropFailed(ILogger logger, string roomId, string exceptionType);

    [LoggerMessage(9008, LogLevel.Debug, "Video session of room {RoomId}: facilitator media control applied (video state changed: {Changed})")]
    public static partial void MediaControlApplied(ILogger logger, string roomId, bool changed);
}
