using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Security.SecurityTestClients;

namespace PeerRooms.Server.Tests.Security;

/// <summary>Tokens expire on open connections; admins disconnect and block users.</summary>
public class AccessRevocationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private async Task<HttpResponseMessage> DisconnectAsync(string? token, string userId, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{Uri.EscapeDataString(userId)}/disconnect");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await Server.Http.SendAsync(request);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_connection_closes_when_its_token_expires(HubProtocol protocol)
    {
        var issuer = Server.Services.GetRequiredService<TokenIssuer>();
        var token = issuer.Issue(Ids.User(), ["participant"], TimeSpan.FromSeconds(3));
        await using var connection = Build(Server, token, protocol);
        var closed = connection.ClosedAsync();
        await connection.StartAsync().WaitAsync(Timeouts.Default);
        // The server checks expiry on its keep-alive tick; allow a generous margin.
        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task An_admin_disconnects_every_connection_of_a_user_and_the_block_refuses_them(HubProtocol protocol)
    {
        var room = await Server.CreateRoomAsync();
        await using var listener = await RoomListener.StartAsync(Server, protocol, room);
        var userId = Ids.User();
        var token = await Server.TokenAsync(userId, "participant");
        var tab1 = await Server.ConnectWithTokenAsync(token, protocol);
        var tab2 = await Server.ConnectWithTokenAsync(token, protocol);
        await using var other = await Server.ConnectAsync(Ids.User(), protocol);
        using var leaves = other.Record<ParticipantLeftEvent>(RoomEvents.ParticipantLeft);
        await Join(other, room, "Other");
        var joined = await Join(tab1, room, "Removed");
        await Join(tab2, room, "Removed");
        var closed1 = tab1.ClosedAsync();
        var closed2 = tab2.ClosedAsync();

        var admin = await Server.TokenAsync("admin-sec", "admin");
        using var response = await DisconnectAsync(admin, userId, new { blockMinutes = 30 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("localConnectionsClosed").GetInt32());
        Assert.True(body.GetProperty("blockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(29));

        await Task.WhenAll(closed1, closed2).WaitAsync(Timeouts.Default);
        var left = await leaves.NextAsync(e => e.RoomId == room);
        Assert.Equal(joined.ParticipantId, left.ParticipantId);

        // The still-valid token is refused on the hub and on HTTP while blocked.
        await Assert.ThrowsAnyAsync<Exception>(() => Server.ConnectWithTokenAsync(token, protocol));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms"))
        {
            request.Headers.Authorization = new("Bearer", token);
            using var refused = await Server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // Lifting the block lets them back in; others were never affected.
        using (var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/users/{userId}/block"))
        {
            request.Headers.Authorization = new("Bearer", admin);
            using var lifted = await Server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        }
        await using var back = await Server.ConnectWithTokenAsync(token, protocol);
        await Send(other, room, "still here");
        await tab1.DisposeAsync();
        await tab2.DisposeAsync();
        listener.MustNotSee(joined.ParticipantId);
        await listener.AssertReceivedNothingAsync();
    }

    [Fact]
    public async Task Disconnect_without_a_block_lets_the_user_reconnect()
    {
        var userId = Ids.User();
        var token = await Server.TokenAsync(userId, "participant");
        var connection = await Server.ConnectWithTokenAsync(token, HubProtocol.Json);
        var closed = connection.ClosedAsync();
        var admin = await Server.TokenAsync("admin-sec", "admin");
        using var response = await DisconnectAsync(admin, userId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await closed.WaitAsync(Timeouts.Default);
        await connection.DisposeAsync();
        await using var again = await Server.ConnectWithTokenAsync(token, HubProtocol.Json);
        Assert.Equal(HubConnectionState.Connected, again.State);
    }

    [Fact]
    public async Task Only_admins_may_disconnect_and_bad_input_gets_problem_details()
    {
        var participant = await Server.TokenAsync(Ids.User(), "participant");
        var facilitator = await Server.TokenAsync(Ids.User(), "facilitator");
        using (var r = await DisconnectAsync(null, "someone")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await DisconnectAsync(participant, "someone")) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        using (var r = await DisconnectAsync(facilitator, "someone")) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);

        var admin = await Server.TokenAsync("admin-sec", "admin");
        using var bad = await DisconnectAsync(admin, "someone", new { blockMinutes = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("blockMinutes", out _));
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_blocked_user_who_connects_is_closed_with_access_revoked(HubProtocol protocol)
    {
        // A token validated before the block (e.g. a connection racing the admin) still meets the hub filter.
        var userId = Ids.User();
        var token = await Server.TokenAsync(userId, "participant");
        var blocks = Server.Services.GetRequiredService<PeerRooms.Core.Security.IUserBlockList>();
        var filter = ActivatorUtilities.CreateInstance<PeerRooms.Server.Filters.ConnectionGuardFilter>(Server.Services);
        await blocks.BlockAsync(userId, DateTimeOffset.UtcNow.AddMinutes(5));
        try
        {
            var ex = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
                filter.OnConnectedAsync(new Microsoft.AspNetCore.SignalR.HubLifetimeContext(new FakeCaller(userId), Server.Services, null!), _ => Task.CompletedTask));
            Assert.Equal(ErrorCodes.AccessRevoked, HubErrorMessages.TryParseCode(ex.Message));
            await Assert.ThrowsAnyAsync<Exception>(() => Server.ConnectWithTokenAsync(token, protocol));
        }
        finally
        {
            await blocks.UnblockAsync(userId);
        }
    }

    private sealed class FakeCaller(string userId) : Microsoft.AspNetCore.SignalR.HubCallerContext
    {
        public override string ConnectionId { get; } = Guid.NewGuid().ToString("N");
        public override string? UserIdentifier => userId;
        public override System.Security.Claims.ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }
}
