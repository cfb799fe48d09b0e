using Microsoft.AspNetCore.SignalR;
using PeerRooms.Core.Video;
using PeerRooms.Server.Logging;

namespace PeerRooms.Server.Hubs;

/// <summary>
/// The video services a hub method needs, injected as one parameter, plus the fan-out of video
/// changes: VideoMemberUpdated to the room's members for every changed member (a demoted publisher
/// learns it must stop sending video this way), and RoomStateChanged when the micOn/cameraOn mirror
/// in the moderation state changed.
/// </summary>
public sealed class VideoTools(
    VideoSessionService session,
    VideoModerationService moderation,
    ModerationBroadcaster broadcast,
    IHubContext<RoomHub, IRoomClient> hub,
    ILogger<VideoTools> logger)
{
    public VideoSessionService Session { get; } = session;
    public VideoModerationService Moderation { get; } = moderation;
    public ILogger Logger { get; } = logger;

    public IRoomClient Members(string roomId) => hub.Clients.Group(RoomGroups.Members(roomId));

    public async Task BroadcastAsync(string roomId, VideoUpdate update)
    {
        foreach (var view in update.Updated) await Members(roomId).VideoMemberUpdated(view);
        if (update.MediaState is { } state) await broadcast.ApplyAsync(state);
        VideoLog.PublishingChanged(logger, roomId, update.Member.Audio, update.Member.Video, update.Updated.Count - 1);
    }

    public async Task MediaStateAsync(Core.Moderation.ModerationResult? state)
    {
        if (state is not null) await broadcast.ApplyAsync(state);
    }

    /// <summary>After ForceMediaOff / AllowMedia: the target's video state follows, and everyone in the room hears of it.</summary>
    public async Task AfterMediaControlAsync(string roomId, string participantId)
    {
        var update = await Moderation.ApplyMediaControlAsync(roomId, participantId);
        if (update is null) return;
        foreach (var view in update.Updated) await Members(roomId).VideoMemberUpdated(view);
        await MediaStateAsync(update.MediaState);
        VideoLog.MediaControlApplied(logger, roomId, update.MediaState is not null);
    }
}
