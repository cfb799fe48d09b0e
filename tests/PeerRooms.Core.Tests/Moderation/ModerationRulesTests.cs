using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Tests.Moderation;

/// <summary>The facilitator tools' join and send rules, on fake time with in-test stores.</summary>
public class ModerationRulesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero));
    private readonly FakeModerationStore _store = new();
    private readonly FakeBans _bans = new();
    private readonly FakeGate _gate = new();

    private static Room RoomWith(RoomPolicy? policy = null) => new() { Id = "r1", Name = "Circle", Facilitators = ["fac"], Policy = policy ?? new RoomPolicy { RequireFacilitatorToStart = false } };

    private static Participant Person(string user, string role = RoomRoles.Participant, string status = ParticipantStatus.InRoom)
        => new() { ParticipantId = "p_" + user, UserId = user, DisplayName = user, RoomRole = role, Status = status };

    private static JoinContext Join(Room room, string user)
        => new(new Caller(user, new HashSet<string>()), room, new JoinRoomRequest { RoomId = room.Id, DisplayName = user },
            Person(user, room.IsFacilitator(user) ? RoomRoles.Facilitator : RoomRoles.Participant));

    private static SendContext Send(Room room, Participant sender)
        => new(new Caller(sender.UserId, new HashSet<string>()), room, sender, new SendMessageRequest { RoomId = room.Id, ClientMessageId = "c", Text = "hi" },
            new ChatMessage { MessageId = "m", ClientMessageId = "c", SenderUserId = sender.UserId, SenderParticipantId = sender.ParticipantId, SenderDisplayName = sender.DisplayName, Text = "hi" });

    private static async Task<string> CodeOf(Func<Task> act) => (await Assert.ThrowsAsync<PeerRoomsException>(act)).Code;

    [Fact]
    public async Task A_timed_mute_refuses_sends_until_it_runs_out_and_never_binds_facilitators()
    {
        var room = RoomWith();
        var rule = new MuteSendRule(_store, _time);
        await _store.UpdateAsync("r1", s => s with { Mutes = s.Mutes.With("pat", _time.GetUtcNow().AddMinutes(2)) });
        Assert.Equal(ErrorCodes.Muted, await CodeOf(() => rule.ApplyAsync(Send(room, Person("pat")), default).AsTask()));
        _time.Advance(TimeSpan.FromMinutes(2));
        await rule.ApplyAsync(Send(room, Person("pat")), default);

        await _store.UpdateAsync("r1", s => s with { EveryoneMuted = true });
        Assert.Equal(ErrorCodes.Muted, await CodeOf(() => rule.ApplyAsync(Send(room, Person("rex")), default).AsTask()));
        await rule.ApplyAsync(Send(room, Person("fac", RoomRoles.Facilitator)), default);
    }

    [Fact]
    public async Task Slow_mode_uses_the_session_value_over_the_policy_and_exempts_facilitators()
    {
        var room = RoomWith(new RoomPolicy { RequireFacilitatorToStart = false, SlowModeSeconds = 60 });
        var rule = new SlowModeSendRule(_store, _gate, _time);
        await rule.ApplyAsync(Send(room, Person("pat")), default);
        Assert.Equal(ErrorCodes.SlowMode, await CodeOf(() => rule.ApplyAsync(Send(room, Person("pat")), default).AsTask()));
        await rule.ApplyAsync(Send(room, Person("fac", RoomRoles.Facilitator)), default);
        await rule.ApplyAsync(Send(room, Person("fac", RoomRoles.Facilitator)), default);

        await _store.UpdateAsync("r1", s => s with { SlowModeSeconds = 5 });
        _time.Advance(TimeSpan.FromSeconds(5));
        await rule.ApplyAsync(Send(room, Person("pat")), default);
        await _store.UpdateAsync("r1", s => s with { SlowModeSeconds = 0 });
        await rule.ApplyAsync(Send(room, Person("pat")), default);
    }

    [Fact]
    public async Task Bans_and_timeouts_refuse_joins_and_a_timeout_ends_on_time()
    {
        var room = RoomWith();
        var rule = new BanJoinRule(_store, _bans, _time);
        await _store.UpdateAsync("r1", s => s with { SessionBans = ["pat"], Timeouts = s.Timeouts.With("rex", _time.GetUtcNow().AddMinutes(10)) });
        _bans.Banned.Add(("r1", "quinn"));
        Assert.Equal(ErrorCodes.Banned, await CodeOf(() => rule.CheckAsync(Join(room, "pat"), default).AsTask()));
        Assert.Equal(ErrorCodes.Banned, await CodeOf(() => rule.CheckAsync(Join(room, "quinn"), default).AsTask()));
        Assert.Equal(ErrorCodes.TimedOut, await CodeOf(() => rule.CheckAsync(Join(room, "rex"), default).AsTask()));
        _time.Advance(TimeSpan.FromMinutes(10));
        await rule.CheckAsync(Join(room, "rex"), default);
        await rule.CheckAsync(Join(room, "tia"), default);
    }

    [Fact]
    public async Task Placement_follows_session_lock_lobby_policy_and_removals()
    {
        var led = RoomWith(new RoomPolicy { RequireFacilitatorToStart = true });
        var session = new SessionJoinRule(_store, _time);

        var early = Join(led, "pat");
        await session.CheckAsync(early, default);
        Assert.Equal(ParticipantStatus.Lobby, early.Candidate.Status);
        var facilitator = Join(led, "fac");
        await session.CheckAsync(facilitator, default);
        Assert.Equal(ParticipantStatus.InRoom, facilitator.Candidate.Status);
        Assert.Equal(SessionStatus.Idle, (await _store.GetAsync("r1")).Session);

        // A room that does not require a facilitator opens on the first join.
        var open = RoomWith();
        var first = Join(open, "rex");
        await session.CheckAsync(first, default);
        Assert.Equal(ParticipantStatus.InRoom, first.Candidate.Status);
        Assert.Equal(SessionStatus.Open, (await _store.GetAsync("r1")).Session);

        // Co-facilitators get their role back on rejoin.
        await _store.UpdateAsync("r1", s => s with { CoFacilitators = ["sam"] });
        var sam = Join(open, "sam");
        await session.CheckAsync(sam, default);
        Assert.True(sam.Candidate.IsFacilitator);

        var lobby = new LobbyJoinRule(_store);
        var withLobby = Join(RoomWith(new RoomPolicy { RequireFacilitatorToStart = false, LobbyEnabled = true }), "tia");
        await lobby.CheckAsync(withLobby, default);
        Assert.Equal(ParticipantStatus.Lobby, withLobby.Candidate.Status);
        await _store.UpdateAsync("r1", s => s with { MustKnock = ["uma"] });
        var removed = Join(open, "uma");
        await lobby.CheckAsync(removed, default);
        Assert.Equal(ParticipantStatus.Lobby, removed.Candidate.Status);
    }

    [Fact]
    public async Task A_locked_room_refuses_or_queues_newcomers_but_not_facilitators_or_people_present()
    {
        var room = RoomWith();
        var presence = new FakePresence();
        var rule = new LockJoinRule(_store, presence);
        await _store.UpdateAsync("r1", s => s with { Locked = true });
        Assert.Equal(ErrorCodes.RoomLocked, await CodeOf(() => rule.CheckAsync(Join(room, "pat"), default).AsTask()));
        await rule.CheckAsync(Join(room, "fac"), default);
        presence.Present.Add("rex");
        var tab = Join(room, "rex");
        await rule.CheckAsync(tab, default);
        Assert.Equal(ParticipantStatus.InRoom, tab.Candidate.Status);

        await _store.UpdateAsync("r1", s => s with { LockAllowsLobby = true });
        var queued = Join(room, "pat");
        await rule.CheckAsync(queued, default);
        Assert.Equal(ParticipantStatus.Lobby, queued.Candidate.Status);
    }

    [Fact]
    public async Task A_paused_session_lets_only_facilitators_send()
    {
        var room = RoomWith(new RoomPolicy { RequireFacilitatorToStart = true });
        var rule = new SessionSendRule(_store);
        await _store.UpdateAsync("r1", s => s with { Session = SessionStatus.Paused });
        Assert.Equal(ErrorCodes.SessionPaused, await CodeOf(() => rule.ApplyAsync(Send(room, Person("pat")), default).AsTask()));
        await rule.ApplyAsync(Send(room, Person("fac", RoomRoles.Facilitator)), default);
    }

    [Fact]
    public void Forcing_media_off_turns_it_off_and_allowing_does_not_turn_it_on()
    {
        var media = new MediaControl { MicOn = true, CameraOn = true }.WithForcedOff(MediaKinds.Mic, true);
        Assert.False(media.MicOn);
        Assert.True(media.MicForcedOff && media.CameraOn);
        var allowed = media.WithForcedOff(MediaKinds.Mic, false);
        Assert.False(allowed.MicForcedOff || allowed.MicOn);
        Assert.Throws<PeerRoomsException>(() => MediaKinds.Require("speaker"));
    }

    private sealed class FakeModerationStore : IModerationStore
    {
        private readonly Dictionary<string, RoomModeration> _rooms = [];
        public Task<RoomModeration> GetAsync(string roomId, CancellationToken ct = default) => Task.FromResult(_rooms.GetValueOrDefault(roomId) ?? RoomModeration.Empty);
        public Task<RoomModeration> UpdateAsync(string roomId, Func<RoomModeration, RoomModeration> change, CancellationToken ct = default)
            => Task.FromResult(_rooms[roomId] = change(_rooms.GetValueOrDefault(roomId) ?? RoomModeration.Empty));
        public Task ClearAsync(string roomId, CancellationToken ct = default) { _rooms.Remove(roomId); return Task.CompletedTask; }
    }

    private sealed class FakeGate : ISlowModeGate
    {
        private readonly Dictionary<string, DateTimeOffset> _last = [];
        public Task<TimeSpan?> TryPassAsync(string roomId, string userId, DateTimeOffset now, TimeSpan window, CancellationToken ct = default)
        {
            if (_last.TryGetValue(userId, out var last) && now - last < window) return Task.FromResult<TimeSpan?>(window - (now - last));
            _last[userId] = now;
            return Task.FromResult<TimeSpan?>(null);
        }
        public Task ClearAsync(string roomId, CancellationToken ct = default) { _last.Clear(); return Task.CompletedTask; }
    }

    private sealed class FakeBans : IBanRepository
    {
        public HashSet<(string, string)> Banned { get; } = [];
        public Task AddAsync(RoomBan ban, CancellationToken ct = default) { Banned.Add((ban.RoomId, ban.UserId)); return Task.CompletedTask; }
        public Task<bool> IsBannedAsync(string roomId, string userId, CancellationToken ct = default) => Task.FromResult(Banned.Contains((roomId, userId)));
        public Task<IReadOnlyList<RoomBan>> ListAsync(string roomId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<RoomBan>>([]);
        public Task<bool> RemoveAsync(string roomId, string banId, CancellationToken ct = default) => Task.FromResult(false);
    }

    private sealed class FakePresence : IPresenceStore
    {
        public HashSet<string> Present { get; } = [];
        public Task<Participant?> GetAsync(string roomId, string userId, CancellationToken ct = default)
            => Task.FromResult(Present.Contains(userId) ? Person(userId) : null);
        public Task<JoinResult> JoinAsync(string roomId, Participant candidate, ConnectionRef connection, int capacity, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<LeaveResult> LeaveAsync(string roomId, string userId, string connectionId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<Participant?> RemoveAsync(string roomId, string userId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<Participant>> GetRosterAsync(string roomId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<ConnectionRef>> GetConnectionsAsync(string roomId, string userId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<Participant?> UpdateAsync(string roomId, string userId, Func<Participant, Participant> change, CancellationToken ct = default) => throw new NotSupportedException();
        public Task ClearRoomAsync(string roomId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<Participant>> RemoveNodeConnectionsAsync(string roomId, string nodeId, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
