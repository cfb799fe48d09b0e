namespace PeerRooms.Core.Moderation;

/// <summary>What a video member publishes right now, for <see cref="IMediaControlState.RecordPublishingAsync"/>.</summary>
public sealed record PublishedMedia(string UserId, bool MicOn, bool CameraOn);

/// <summary>
/// Facilitator media controls as the video feature sees them, backed by the shared moderation state
/// (so every node agrees). Forced-off flags have ONE source of truth: the moderation state, written
/// only by facilitators. What a video member publishes has one source of truth too, the video
/// session store; <see cref="RecordPublishingAsync"/> mirrors it into the moderation state's
/// micOn/cameraOn so RoomStateView and the video views never disagree.
/// </summary>
public interface IMediaControlState
{
    Task<MediaControl> GetAsync(string roomId, string userId, CancellationToken ct = default);

    /// <summary>Everyone's media controls in the room (user id → controls; absent = nothing set).</summary>
    Task<IReadOnlyDictionary<string, MediaControl>> GetAllAsync(string roomId, CancellationToken ct = default);

    /// <summary>False while a facilitator has forced <paramref name="kind"/> off and not yet allowed it again.</summary>
    Task<bool> MayTurnOnAsync(string roomId, string userId, string kind, CancellationToken ct = default);

    /// <summary>
    /// Mirrors what video members publish into micOn/cameraOn (a forced-off medium stays off). Returns
    /// the new moderation state when anything changed (members should get RoomStateChanged), else null.
    /// </summary>
    Task<RoomModeration?> RecordPublishingAsync(string roomId, IReadOnlyList<PublishedMedia> published, CancellationToken ct = default);
}
