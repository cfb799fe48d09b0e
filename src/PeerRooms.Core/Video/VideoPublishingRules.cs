namespace PeerRooms.Core.Video;

/// <summary>
/// The mesh cap and spotlight precedence, as pure functions over one room's members. The in-memory
/// store applies them under a lock; the Redis store runs the same rules in Lua (the store contract
/// tests hold both to them).
/// <list type="bullet">
/// <item>Video is granted while fewer than the cap of OTHER members publish video; audio is never capped.</item>
/// <item>A spotlighted member who wants video and finds the cap full takes the slot of the most
/// recently granted non-spotlighted publisher (who keeps wanting video, but no longer has it).</item>
/// <item>A freed slot is not handed to anyone automatically: a member refused by the cap asks again.
/// (Unasked promotion would make a client start sending video its user did not just ask for.)</item>
/// </list>
/// </summary>
public static class VideoPublishingRules
{
    public static VideoMember Admit(VideoMember candidate, IReadOnlyCollection<VideoMember> others, int maxVideoPublishers)
        => Grant(candidate with { Video = false, Spotlight = false }, others, maxVideoPublishers).Member;

    public static VideoStoreChange Publish(VideoMember me, IReadOnlyCollection<VideoMember> all, bool? audio, bool? video, int maxVideoPublishers)
    {
        var m = me with { Audio = audio ?? me.Audio, WantsVideo = video ?? me.WantsVideo };
        if (video == false) m = m with { Video = false };
        return video == true ? Grant(m, all, maxVideoPublishers) : new VideoStoreChange(m, []);
    }

    public static VideoStoreChange Spotlight(VideoMember me, IReadOnlyCollection<VideoMember> all, bool on, bool mayPublishVideo, int maxVideoPublishers)
    {
        var m = me with { Spotlight = on };
        return on && mayPublishVideo ? Grant(m, all, maxVideoPublishers) : new VideoStoreChange(m, []);
    }

    private static VideoStoreChange Grant(VideoMember me, IReadOnlyCollection<VideoMember> all, int max)
    {
        if (me.Video || !me.WantsVideo) return new VideoStoreChange(me, []);
        var others = all.Where(o => o.UserId != me.UserId).ToArray();
        var next = others.Select(o => o.VideoOrder).Append(me.VideoOrder).Max() + 1;
        var publishers = others.Where(o => o.Video).ToArray();
        if (publishers.Length < max) return new VideoStoreChange(me with { Video = true, VideoOrder = next }, []);
        if (!me.Spotlight) return new VideoStoreChange(me, []);
        var victim = publishers.Where(o => !o.Spotlight)
            .OrderByDescending(o => o.VideoOrder).ThenByDescending(o => o.UserId, StringComparer.Ordinal).FirstOrDefault();
        return victim is null
            ? new VideoStoreChange(me, [])
            : new VideoStoreChange(me with { Video = true, VideoOrder = next }, [victim with { Video = false }]);
    }
}
