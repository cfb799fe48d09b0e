namespace PeerRooms.Core.Moderation;

/// <summary>
/// Read side of facilitator media controls, for the video feature: whether a participant may turn
/// their mic or camera on right now. Backed by the shared moderation state, so every node agrees.
/// </summary>
public interface IMediaControlState
{
    Task<MediaControl> GetAsync(string roomId, string userId, CancellationToken ct = default);

    /// <summary>False while a facilitator has forced <paramref name="kind"/> off and not yet allowed it again.</summary>
    Task<bool> MayTurnOnAsync(string roomId, string userId, string kind, CancellationToken ct = default);
}
