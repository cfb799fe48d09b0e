using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using Microsoft.Extensions.Options;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Moderation;

/// <summary>A node whose TimeProvider is a FakeTimeProvider the tests advance: no sleeps.</summary>
public sealed class FakeTimeServerFixture : IDisposable
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public PeerRoomsServer Server { get; }

    public FakeTimeServerFixture()
    {
        var time = Time;
        Server = new PeerRoomsServer(configure: b => b.ConfigureTestServices(s => UseFakeTime(s, time)));
    }

    /// <summary>
    /// The app runs on fake time; tokens keep real time, because JWT validation checks them against
    /// the real clock and fake time runs ahead of it as tests advance.
    /// </summary>
    public static void UseFakeTime(IServiceCollection services, FakeTimeProvider time)
    {
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<SigningKeyProvider>(), sp.GetRequiredService<IOptions<PeerRoomsOptions>>(), TimeProvider.System));
    }

    public void Dispose() => Server.Dispose();
}

/// <summary>Slow mode, timeouts, timed mutes and share timers, driven by fake time.</summary>
public class TimedRulesTests(FakeTimeServerFixture fixture) : IClassFixture<FakeTimeServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;
    private FakeTimeProvider Time => fixture.Time;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Slow_mode_allows_one_message_per_interval_and_exempts_facilitators(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await pat.Join(room, "Pat");

        var state = await led.Facilitator.Call<RoomStateView>("SetSlowMode", room, 30);
        Assert.Equal(30, state.SlowModeSeconds);
        await pat.Send(room, "one");
        await pat.Send(room, "two").ExpectErrorAsync(ErrorCodes.SlowMode);
        await led.Facilitator.Send(room, "facilitator one");
        await led.Facilitator.Send(room, "facilitator two");
        Time.Advance(TimeSpan.FromSeconds(29));
        await pat.Send(room, "still too soon").ExpectErrorAsync(ErrorCodes.SlowMode);
        Time.Advance(TimeSpan.FromSeconds(1));
        await pat.Send(room, "two");
        await led.Facilitator.Call<RoomStateView>("SetSlowMode", room, 0);
        await pat.Send(room, "three");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Slow_mode_from_the_room_policy_applies_from_the_first_message(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol, new { requireFacilitatorToStart = true, slowModeSeconds = 10 });
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        var p = await pat.Join(led.RoomId, "Pat");
        Assert.Equal(10, p.RoomState!.SlowModeSeconds);
        await pat.Send(led.RoomId, "one");
        await pat.Send(led.RoomId, "two").ExpectErrorAsync(ErrorCodes.SlowMode);
        Time.Advance(TimeSpan.FromSeconds(10));
        await pat.Send(led.RoomId, "two");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_timed_out_participant_may_rejoin_after_the_timeout_and_timed_mutes_expire(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        var patId = Ids.User();
        await using var pat = await Server.ConnectAsync(patId, protocol);
        await using var rex = await Server.ConnectAsync(Ids.User(), protocol);
        using var closed = pat.Record<RoomClosedEvent>(RoomEvents.RoomClosed);
        var p = await pat.Join(room, "Pat");
        var r = await rex.Join(room, "Rex");

        await led.Facilitator.Call("TimeoutParticipant", room, p.ParticipantId, 5);
        var close = await closed.NextAsync(e => e.RoomId == room);
        Assert.Equal(CloseReasons.TimedOut, close.Reason);
        Assert.True(close.Terminal);
        await pat.Join(room, "Pat").ExpectErrorAsync(ErrorCodes.TimedOut);
        Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await pat.Join(room, "Pat").ExpectErrorAsync(ErrorCodes.TimedOut);
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("room", (await pat.Join(room, "Pat")).Status);

        await led.Facilitator.Call<RoomStateView>("MuteParticipant", room, r.ParticipantId, 2);
        await rex.Send(room, "x").ExpectErrorAsync(ErrorCodes.Muted);
        Time.Advance(TimeSpan.FromMinutes(2));
        await rex.Send(room, "the mute ran out");
        Assert.Empty((await rex.State(room)).Mutes);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Raised_hands_queue_up_and_the_share_timer_ends_once_with_a_notice(HubProtocol protocol)
    {
        await using var led = await LedRoom.StartAsync(Server, protocol);
        var room = led.RoomId;
        await using var pat = await Server.ConnectAsync(Ids.User(), protocol);
        await using var rex = await Server.ConnectAsync(Ids.User(), protocol);
        using var timerEnds = rex.Record<ShareTimerEndedEvent>(ModerationEvents.ShareTimerEnded);
        using var states = rex.Record<RoomStateView>(ModerationEvents.RoomStateChanged);
        var p = await pat.Join(room, "Pat");
        var r = await rex.Join(room, "Rex");

        await pat.Call<RoomStateView>("RaiseHand", room);
        Time.Advance(TimeSpan.FromSeconds(1));
        await rex.Call<RoomStateView>("RaiseHand", room);
        Assert.Equal([p.ParticipantId, r.ParticipantId], (await led.Facilitator.State(room)).HandQueue);

        var now = Time.GetUtcNow();
        var given = await led.Facilitator.Call<RoomStateView>("GiveFloor", room, "", 180);
        Assert.Equal(p.ParticipantId, given.Floor!.ParticipantId);
        Assert.Equal(now.AddSeconds(180), given.Floor.EndsAt);
        Assert.Equal([r.ParticipantId], given.HandQueue);
        Assert.Equal(now.AddSeconds(180), (await states.NextAsync(s => s.Floor is not null)).Floor!.EndsAt);

        Time.Advance(TimeSpan.FromSeconds(179));
        Time.Advance(TimeSpan.FromSeconds(1));
        var ended = await timerEnds.NextAsync(e => e.RoomId == room);
        Assert.Equal(p.ParticipantId, ended.ParticipantId);

        // Lowering hands: one's own, and a facilitator lowering someone else's.
        await pat.Call<RoomStateView>("RaiseHand", room);
        await pat.Call<RoomStateView>("LowerHand", room);
        await led.Facilitator.Call<RoomStateView>("LowerHandOf", room, r.ParticipantId);
        Assert.Empty((await led.Facilitator.State(room)).HandQueue);
        await led.Facilitator.Call<RoomStateView>("GiveFloor", room, "", 60).ExpectErrorAsync(ErrorCodes.InvalidArgument);

        // A replaced timer never announces.
        await led.Facilitator.Call<RoomStateView>("GiveFloor", room, r.ParticipantId, 60);
        await led.Facilitator.Call<RoomStateView>("ClearFloor", room);
        Time.Advance(TimeSpan.FromSeconds(61));
        var marker = await led.Facilitator.Call<RoomStateView>("GiveFloor", room, p.ParticipantId, 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        await timerEnds.NextAsync(e => e.RoomId == room && e.EndedAt >= marker.Floor!.EndsAt);
        Assert.Equal(2, timerEnds.Seen.Count(e => e.RoomId == room));
    }
}
