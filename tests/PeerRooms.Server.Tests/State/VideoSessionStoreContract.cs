using PeerRooms.Core.Video;
using PeerRooms.Server.State;
using PeerRooms.Server.State.Redis;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.State;

/// <summary>
/// What every <see cref="IVideoSessionStore"/> must do (membership, the mesh cap, spotlight
/// precedence), written once and run against the in-memory and the Redis (Lua) implementations.
/// </summary>
public abstract class VideoSessionStoreContract
{
    protected abstract IVideoSessionStore CreateStore();

    private static string Room() => "r" + Guid.NewGuid().ToString("N")[..12];

    private static VideoMember Candidate(string user, bool audio = false, bool wantsVideo = false)
        => new(user, "p_" + user, audio) { WantsVideo = wantsVideo };

    [Fact]
    public async Task Join_is_idempotent_and_lists_everyone()
    {
        var store = CreateStore();
        var room = Room();
        var first = await store.JoinAsync(room, Candidate("u1", audio: true), 8);
        Assert.True(first.IsNew);
        Assert.Equal(new VideoMember("u1", "p_u1", Audio: true), first.Member);
        var again = await store.JoinAsync(room, Candidate("u1"), 8);
        Assert.False(again.IsNew);
        Assert.True(again.Member.Audio); // unchanged by the second join
        var second = await store.JoinAsync(room, Candidate("u2"), 8);
        Assert.Equal(["u1", "u2"], second.Members.Select(m => m.UserId).Order());
        Assert.Equal(["u1", "u2"], (await store.MembersAsync(room)).Select(m => m.UserId).Order());
        Assert.Empty(await store.MembersAsync(Room()));
    }

    [Fact]
    public async Task A_leave_for_one_participant_id_leaves_the_same_persons_other_entry_alone()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, Candidate("u1"), 8);
        // A clean-up that saw an older entry of u1 (another participant id) must not remove the current one.
        Assert.Null(await store.LeaveAsync(room, "u1", onlyParticipantId: "p_u1_before"));
        Assert.Equal("p_u1", (await store.GetAsync(room, "u1"))?.ParticipantId);
        Assert.Equal("p_u1", (await store.LeaveAsync(room, "u1", onlyParticipantId: "p_u1"))?.ParticipantId);
        Assert.Null(await store.GetAsync(room, "u1"));
    }

    [Fact]
    public async Task Leave_returns_the_member_once()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, Candidate("u1", audio: true), 8);
        var left = await store.LeaveAsync(room, "u1");
        Assert.Equal("p_u1", left?.ParticipantId);
        Assert.Null(await store.LeaveAsync(room, "u1"));
        Assert.Null(await store.GetAsync(room, "u1"));
        Assert.Null(await store.SetPublishingAsync(room, "u1", true, true, 8));
        Assert.Null(await store.SetSpotlightAsync(room, "u1", true, true, 8));
    }

    [Fact]
    public async Task Video_is_granted_up_to_the_cap_and_audio_is_never_capped()
    {
        var store = CreateStore();
        var room = Room();
        foreach (var u in new[] { "u1", "u2", "u3" }) await store.JoinAsync(room, Candidate(u), 2);
        Assert.True((await store.SetPublishingAsync(room, "u1", true, true, 2))!.Member.Video);
        Assert.True((await store.SetPublishingAsync(room, "u2", true, true, 2))!.Member.Video);
        var third = (await store.SetPublishingAsync(room, "u3", true, true, 2))!;
        Assert.True(third.Member.Audio);
        Assert.False(third.Member.Video);
        Assert.True(third.Member.WantsVideo);
        Assert.Empty(third.Demoted);

        // A publisher stopping frees a slot, but nobody is promoted unasked; asking again gets it.
        Assert.False((await store.SetPublishingAsync(room, "u1", null, false, 2))!.Member.Video);
        Assert.False((await store.GetAsync(room, "u3"))!.Video);
        Assert.True((await store.SetPublishingAsync(room, "u3", null, true, 2))!.Member.Video);
        // A null medium is left as it is.
        var audioOnly = (await store.SetPublishingAsync(room, "u3", false, null, 2))!.Member;
        Assert.False(audioOnly.Audio);
        Assert.True(audioOnly.Video);
    }

    [Fact]
    public async Task Entry_video_is_subject_to_the_cap()
    {
        var store = CreateStore();
        var room = Room();
        Assert.True((await store.JoinAsync(room, Candidate("u1", wantsVideo: true), 1)).Member.Video);
        var late = (await store.JoinAsync(room, Candidate("u2", audio: true, wantsVideo: true), 1)).Member;
        Assert.False(late.Video);
        Assert.True(late.Audio);
    }

    [Fact]
    public async Task A_spotlight_takes_the_slot_of_the_latest_non_spotlighted_publisher()
    {
        var store = CreateStore();
        var room = Room();
        foreach (var u in new[] { "u1", "u2", "u3" }) await store.JoinAsync(room, Candidate(u), 2);
        await store.SetPublishingAsync(room, "u1", false, true, 2);
        await store.SetPublishingAsync(room, "u2", false, true, 2);
        await store.SetPublishingAsync(room, "u3", false, true, 2); // refused: cap full

        var spot = (await store.SetSpotlightAsync(room, "u3", true, mayPublishVideo: true, 2))!;
        Assert.True(spot.Member.Spotlight);
        Assert.True(spot.Member.Video);
        var demoted = Assert.Single(spot.Demoted);
        Assert.Equal("u2", demoted.UserId); // granted after u1
        Assert.False(demoted.Video);
        Assert.True(demoted.WantsVideo);
        Assert.Equal(2, (await store.MembersAsync(room)).Count(m => m.Video));

        // Spotlighting u2 too: u1 is the only non-spotlighted publisher left.
        var second = (await store.SetSpotlightAsync(room, "u2", true, true, 2))!;
        Assert.True(second.Member.Video);
        Assert.Equal("u1", Assert.Single(second.Demoted).UserId);

        // Everyone with video is spotlighted now: a third spotlight finds no slot and demotes no one.
        await store.SetPublishingAsync(room, "u1", null, true, 2);
        var third = (await store.SetSpotlightAsync(room, "u1", true, true, 2))!;
        Assert.False(third.Member.Video);
        Assert.Empty(third.Demoted);
        Assert.Equal(2, (await store.MembersAsync(room)).Count(m => m.Video));
    }

    [Fact]
    public async Task A_spotlighted_member_asking_for_video_also_takes_precedence()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, Candidate("u1", wantsVideo: true), 1);
        await store.JoinAsync(room, Candidate("u2"), 1);
        var spot = (await store.SetSpotlightAsync(room, "u2", true, true, 1))!;
        Assert.False(spot.Member.Video); // does not want video: nothing granted, nobody demoted
        Assert.Empty(spot.Demoted);
        var asked = (await store.SetPublishingAsync(room, "u2", true, true, 1))!;
        Assert.True(asked.Member.Video);
        Assert.Equal("u1", Assert.Single(asked.Demoted).UserId);
    }

    [Fact]
    public async Task A_spotlight_without_camera_permission_grants_nothing()
    {
        var store = CreateStore();
        var room = Room();
        await store.JoinAsync(room, Candidate("u1", wantsVideo: true), 1);
        await store.JoinAsync(room, Candidate("u2", wantsVideo: true), 1);
        var spot = (await store.SetSpotlightAsync(room, "u2", true, mayPublishVideo: false, 1))!;
        Assert.True(spot.Member.Spotlight);
        Assert.False(spot.Member.Video);
        Assert.Empty(spot.Demoted);
        Assert.False((await store.SetSpotlightAsync(room, "u2", false, true, 1))!.Member.Spotlight);
    }

    [Fact]
    public async Task Concurrent_requests_never_overshoot_the_cap()
    {
        var store = CreateStore();
        var room = Room();
        var users = Enumerable.Range(0, 12).Select(i => $"u{i}").ToArray();
        await Task.WhenAll(users.Select(u => store.JoinAsync(room, Candidate(u), 3)));
        var results = await Task.WhenAll(users.Select(u => store.SetPublishingAsync(room, u, true, true, 3)));
        Assert.Equal(3, results.Count(r => r!.Member.Video));
        Assert.Equal(3, (await store.MembersAsync(room)).Count(m => m.Video));
        Assert.Equal(12, (await store.MembersAsync(room)).Count(m => m.Audio));
    }
}

public sealed class InMemoryVideoSessionStoreTests : VideoSessionStoreContract
{
    protected override IVideoSessionStore CreateStore() => new InMemoryVideoSessionStore();
}

public sealed class RedisVideoSessionStoreTests(RedisFixture fixture) : VideoSessionStoreContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisConnections _connections = new(fixture);
    protected override IVideoSessionStore CreateStore() => new RedisVideoSessionStore(_connections.Create());
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _connections.DisposeAsync().AsTask();
}
