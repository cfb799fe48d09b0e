namespace PeerRooms.Core.Video;

/// <summary>
/// A participant in a room's video session and what they publish. <see cref="Audio"/> and
/// <see cref="Video"/> are what the server GRANTED (video may be refused by the mesh cap);
/// <see cref="WantsVideo"/> is what the member last asked for, so a spotlight can grant it later.
/// <see cref="VideoOrder"/> orders current video grants (higher = granted later): when a spotlight
/// needs a slot, the most recently granted non-spotlighted publisher gives theirs up.
/// </summary>
public sealed record VideoMember(string UserId, string ParticipantId, bool Audio = false, bool Video = false)
{
    public bool WantsVideo { get; init; }
    public bool Spotlight { get; init; }
    public long VideoOrder { get; init; }
}
