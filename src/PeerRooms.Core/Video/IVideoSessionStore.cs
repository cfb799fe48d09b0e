namespace PeerRooms.Core.Video;

/// <summary>The outcome of a join: the member as stored (an existing member is returned unchanged), everyone in the session, and whether they were new.</summary>
public sealed record VideoStoreJoin(VideoMember Member, IReadOnlyList<VideoMember> Members, bool IsNew);

/// <summary>A publishing or spotlight change: the member after it, and anyone who lost their video slot to it (spotlight precedence).</summary>
public sealed record VideoStoreChange(VideoMember Member, IReadOnlyList<VideoMember> Demoted);

/// <summary>
/// Who is in each room's video session and what they publish, shared by every node (the Redis
/// implementation) so members connected to different nodes see and signal each other. Keyed by
/// user id: one video membership per person per room, whatever their connections.
/// Guarantees: every operation on a room is atomic, so concurrent calls on any node never grant
/// more than <c>maxVideoPublishers</c> video publishers (the cap counts granted video, not audio),
/// and the grant rules are the same everywhere (<see cref="VideoPublishingRules"/>).
/// </summary>
public interface IVideoSessionStore
{
    /// <summary>
    /// Adds <paramref name="candidate"/> if absent. Its <see cref="VideoMember.Audio"/> is kept and its
    /// <see cref="VideoMember.WantsVideo"/> is granted subject to the cap. Idempotent: an existing member is returned as is.
    /// </summary>
    Task<VideoStoreJoin> JoinAsync(string roomId, VideoMember candidate, int maxVideoPublishers, CancellationToken ct = default);

    /// <summary>
    /// Removes the member; returns what they were, or null when they were not in the session. With
    /// <paramref name="onlyParticipantId"/>, removes them only while they are in under that participant
    /// id (clean-up of a stale entry must not remove the same person's fresh one).
    /// </summary>
    Task<VideoMember?> LeaveAsync(string roomId, string userId, string? onlyParticipantId = null, CancellationToken ct = default);

    Task<VideoMember?> GetAsync(string roomId, string userId, CancellationToken ct = default);

    Task<IReadOnlyList<VideoMember>> MembersAsync(string roomId, CancellationToken ct = default);

    /// <summary>
    /// Sets what a member publishes; a null medium is left as it is. Video is granted when fewer than
    /// the cap of others publish video, or, for a spotlighted member, by demoting a non-spotlighted
    /// publisher. Null when they are not in the session.
    /// </summary>
    Task<VideoStoreChange?> SetPublishingAsync(string roomId, string userId, bool? audio, bool? video, int maxVideoPublishers, CancellationToken ct = default);

    /// <summary>
    /// Turns a member's spotlight on or off. Turning it on for a member who wants video but lacks a slot
    /// grants it (when <paramref name="mayPublishVideo"/>), demoting a non-spotlighted publisher if the cap is full.
    /// Null when they are not in the session.
    /// </summary>
    Task<VideoStoreChange?> SetSpotlightAsync(string roomId, string userId, bool on, bool mayPublishVideo, int maxVideoPublishers, CancellationToken ct = default);
}
