using Microsoft.AspNetCore.SignalR.Client;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Security.SecurityTestClients;

namespace PeerRooms.Server.Tests.Security;

/// <summary>Per-user limits: messages, join attempts, connections; facilitators hear about floods.</summary>
public class SecurityLimitsTests(TightLimitsFixture fixture) : IClassFixture<TightLimitsFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    [Theory, ClassData(typeof(Protocols))]
    public async Task Messages_beyond_the_limit_are_refused_and_facilitators_are_alerted_once(HubProtocol protocol)
    {
        var facilitatorId = Ids.User("fac");
        var room = await Server.CreateRoomAsync(facilitators: [facilitatorId]);
        await using var listener = await RoomListener.StartAsync(Server, protocol, room);
        await using var facilitator = await Server.ConnectAsync(facilitatorId, protocol, "facilitator");
        await using var abuser = await Server.ConnectAsync(Ids.User(), protocol);
        await using var other = await Server.ConnectAsync(Ids.User(), protocol);
        using var alerts = facilitator.Record<SecurityAlertEvent>(SecurityEvents.SecurityAlert);
        using var participantAlerts = other.Record<SecurityAlertEvent>(SecurityEvents.SecurityAlert);
        await Join(facilitator, room, "Facilitator");
        var joined = await Join(abuser, room, "Abuser");
        await Join(other, room, "Other");

        for (var i = 0; i < TightLimitsFixture.Messages; i++) await Send(abuser, room, $"message {i}");
        await Send(abuser, room, "one too many").ExpectErrorAsync(ErrorCodes.RateLimited);
        await Send(abuser, room, "and another").ExpectErrorAsync(ErrorCodes.RateLimited);

        var alert = await alerts.NextAsync();
        Assert.Equal(room, alert.RoomId);
        Assert.Equal(joined.ParticipantId, alert.ParticipantId);
        Assert.Equal(SecurityLimits.Messages, alert.Limit);
        Assert.Equal(TightLimitsFixture.Messages, alert.PermitLimit);
        Assert.Equal(60, alert.WindowSeconds);

        // Others are not limited by the abuser, and the abuser's connection stays usable.
        var ok = await Send(other, room, "still fine");
        Assert.False(ok.Duplicate);
        Assert.Equal(HubConnectionState.Connected, abuser.State);
        await abuser.InvokeAsync<ParticipantView[]>("GetRoster", room).WaitAsync(Timeouts.Default);

        // One alert per window, and only facilitators get it.
        Assert.Single(alerts.Seen);
        Assert.Empty(participantAlerts.Seen);
        listener.MustNotSee(joined.ParticipantId);
        await listener.AssertReceivedNothingAsync();
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Join_attempts_are_limited_per_user_across_connections(HubProtocol protocol)
    {
        var user = Ids.User();
        await using var first = await Server.ConnectAsync(user, protocol);
        await using var second = await Server.ConnectAsync(user, protocol);
        for (var i = 0; i < TightLimitsFixture.Joins; i++)
            await Join(i % 2 == 0 ? first : second, "no-such-room", "Sam").ExpectErrorAsync(ErrorCodes.NotFound);
        var room = await Server.CreateRoomAsync();
        await Join(second, room, "Sam").ExpectErrorAsync(ErrorCodes.RateLimited);
        await Join(first, room, "Sam").ExpectErrorAsync(ErrorCodes.RateLimited);

        // Someone else joins normally.
        await using var other = await Server.ConnectAsync(Ids.User(), protocol);
        await Join(other, room, "Other");
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task Connections_beyond_the_per_user_limit_are_closed_with_a_code(HubProtocol protocol)
    {
        var user = Ids.User();
        var token = await Server.TokenAsync(user, "participant");
        await using var first = await Server.ConnectWithTokenAsync(token, protocol);
        await using var second = await Server.ConnectWithTokenAsync(token, protocol);
        // A call is processed only after the server admitted the connection (OnConnected ran).
        await ProbeAsync(first);
        await ProbeAsync(second);

        await using var third = Build(Server, token, protocol);
        var closed = third.ClosedAsync();
        try { await third.StartAsync().WaitAsync(Timeouts.Default); } catch (Exception) { /* may fail during start instead */ }
        var error = await closed.WaitAsync(Timeouts.Default);
        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.TooManyConnections, HubErrorMessages.TryParseCode(error.Message));

        // The first two still work; closing one frees a slot.
        var room = await Server.CreateRoomAsync();
        await Join(first, room, "Sam");
        await second.DisposeAsync();
        await using var again = await ConnectWhenFreeAsync(token, protocol);
        await Join(again, room, "Sam");
    }

    /// <summary>The server frees the slot when it notices the close; retry until it has (bounded).</summary>
    private async Task<HubConnection> ConnectWhenFreeAsync(string token, HubProtocol protocol)
    {
        using var deadline = new CancellationTokenSource(Timeouts.Default);
        while (true)
        {
            var connection = Build(Server, token, protocol);
            var closed = connection.ClosedAsync();
            await connection.StartAsync(deadline.Token);
            try
            {
                await ProbeAsync(connection);
                return connection;
            }
            catch (Exception) when (!deadline.IsCancellationRequested && closed.IsCompleted)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>A harmless call that the server answers with not_member once the connection is admitted.</summary>
    private static Task ProbeAsync(HubConnection connection)
        => connection.InvokeAsync<ParticipantView[]>("GetRoster", "probe-room").ExpectErrorAsync(ErrorCodes.NotMember);
}
