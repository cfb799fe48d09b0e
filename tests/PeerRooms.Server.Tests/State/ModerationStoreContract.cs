using PeerRooms.Core.Errors;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.Tests.State;

/// <summary>
/// What every <see cref="IModerationStore"/> and <see cref="ISlowModeGate"/> must do, written once and
/// run against the in-memory and the Redis implementations.
/// </summary>
public abstract class ModerationStoreContract
{
    protected abstract IModerationStore CreateStore();
    protected abstract ISlowModeGate CreateGate();

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private static string Room() => "r" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task An_untouched_room_has_the_empty_state()
    {
        var state = await CreateStore().GetAsync(Room());
        Assert.Equal(SessionStatus.Idle, state.Session);
        Assert.False(state.Locked);
        Assert.Empty(state.Mutes);
    }

    [Fact]
    public async Task Every_field_survives_a_round_trip()
    {
        var store = CreateStore();
        var room = Room();
        var pinned = new ChatMessage
        {
            MessageId = "m1", ClientMessageId = "c1", SenderUserId = "u1", SenderParticipantId = "p1", SenderDisplayName = "Sam",
            Text = "Be kind", SentAt = T0, Sequence = 7,
        };
        await store.UpdateAsync(room, s => s with
        {
            Session = SessionStatus.Open, SessionStartedAt = T0, LeadUserId = "f1", Locked = true, LockAllowsLobby = true,
            EveryoneMuted = true, EveryoneMutedUntil = T0.AddMinutes(5),
            Mutes = s.Mutes.With("u1", T0.AddMinutes(1)).With("u2", (DateTimeOffset?)null),
            Timeouts = s.Timeouts.With("u3", T0.AddMinutes(10)),
            SessionBans = ["u4"], MustKnock = ["u5"], CoFacilitators = ["u6"], SlowModeSeconds = 30,
            Hands = [new HandEntry("u1", "p1", T0)],
            Floor = new FloorState("u1", "p1", T0, T0.AddMinutes(3), "t1", false),
            Pinned = pinned,
            Media = s.Media.With("u1", new MediaControl { MicForcedOff = true, CameraOn = true }),
        });

        var read = await store.GetAsync(room);
        Assert.Equal(SessionStatus.Open, read.Session);
        Assert.Equal("f1", read.LeadUserId);
        Assert.True(read.Locked && read.LockAllowsLobby && read.EveryoneMuted);
        Assert.Equal(T0.AddMinutes(1), read.Mutes["u1"]);
        Assert.Null(read.Mutes["u2"]);
        Assert.Equal(T0.AddMinutes(10), read.Timeouts["u3"]);
        Assert.Equal(["u4"], read.SessionBans);
        Assert.Equal(["u5"], read.MustKnock);
        Assert.Equal(["u6"], read.CoFacilitators);
        Assert.Equal(30, read.SlowModeSeconds);
        Assert.Equal(new HandEntry("u1", "p1", T0), Assert.Single(read.Hands));
        Assert.Equal(new FloorState("u1", "p1", T0, T0.AddMinutes(3), "t1", false), read.Floor);
        Assert.Equal(pinned, read.Pinned);
        Assert.Equal(new MediaControl { MicForcedOff = true, CameraOn = true }, read.Media["u1"]);
    }

    [Fact]
    public async Task A_change_that_throws_writes_nothing()
    {
        var store = CreateStore();
        var room = Room();
        await store.UpdateAsync(room, s => s with { Locked = true });
        await Assert.ThrowsAsync<PeerRoomsException>(() => store.UpdateAsync(room, s => throw PeerRoomsException.Invalid("no")));
        Assert.True((await store.GetAsync(room)).Locked);
    }

    [Fact]
    public async Task Concurrent_updates_lose_nothing()
    {
        var store = CreateStore();
        var room = Room();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => store.UpdateAsync(room, s => s with { SessionBans = s.SessionBans.With($"u{i}") }))));
        Assert.Equal(20, (await store.GetAsync(room)).SessionBans.Count);
    }

    [Fact]
    public async Task Clearing_forgets_the_room_only()
    {
        var store = CreateStore();
        var room = Room();
        var other = Room();
        await store.UpdateAsync(room, s => s with { Locked = true });
        await store.UpdateAsync(other, s => s with { Locked = true });
        await store.ClearAsync(room);
        Assert.False((await store.GetAsync(room)).Locked);
        Assert.True((await store.GetAsync(other)).Locked);
    }

    [Fact]
    public async Task The_slow_mode_gate_passes_one_send_per_window_per_user()
    {
        var gate = CreateGate();
        var room = Room();
        var window = TimeSpan.FromSeconds(10);
        Assert.Null(await gate.TryPassAsync(room, "u1", T0, window));
        Assert.Equal(TimeSpan.FromSeconds(6), await gate.TryPassAsync(room, "u1", T0.AddSeconds(4), window));
        Assert.Null(await gate.TryPassAsync(room, "u2", T0.AddSeconds(4), window));
        Assert.Null(await gate.TryPassAsync(room, "u1", T0.AddSeconds(10), window));
        Assert.NotNull(await gate.TryPassAsync(room, "u1", T0.AddSeconds(11), window));
        await gate.ClearAsync(room);
        Assert.Null(await gate.TryPassAsync(room, "u1", T0.AddSeconds(11), window));
    }

    [Fact]
    public async Task Concurrent_sends_through_the_gate_let_exactly_one_through()
    {
        var gate = CreateGate();
        var room = Room();
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => gate.TryPassAsync(room, "u1", T0, TimeSpan.FromSeconds(5)))));
        Assert.Single(results, r => r is null);
    }
}

public sealed class InMemoryModerationStoreTests : ModerationStoreContract
{
    protected override IModerationStore CreateStore() => new PeerRooms.Server.State.InMemoryModerationStore();
    protected override ISlowModeGate CreateGate() => new PeerRooms.Server.State.InMemorySlowModeGate();
}
