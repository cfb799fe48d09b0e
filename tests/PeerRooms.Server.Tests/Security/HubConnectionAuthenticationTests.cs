using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Server.Auth;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Security;

/// <summary>
/// Hub requests are authenticated by <see cref="HubConnectionAuthentication"/>, everything else by
/// ASP.NET Core's middleware: each request's token is validated exactly once, the principal and expiry
/// reach the hub, and an open connection no longer holds its token.
/// </summary>
public sealed class HubConnectionAuthenticationTests : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _validated = new();
    private readonly Channel<ConnectedRequest> _connected = Channel.CreateUnbounded<ConnectedRequest>();
    private readonly PeerRoomsServer _server;

    public HubConnectionAuthenticationTests()
    {
        _server = new PeerRoomsServer(configure: web => web.ConfigureServices(services =>
        {
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                var previous = jwt.Events.OnTokenValidated;
                jwt.Events.OnTokenValidated = async ctx =>
                {
                    _validated.Enqueue(ctx.Request.Path);
                    await previous(ctx);
                };
            });
            services.Configure<HubOptions>(o => o.AddFilter(new RecordConnectedRequest(_connected.Writer)));
        }));
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>What the hub saw of the request (OnConnected runs after the handshake answer, so wait for it).</summary>
    private async Task<ConnectedRequest> NextConnectedAsync()
    {
        using var cts = new CancellationTokenSource(Timeouts.Default);
        return await _connected.Reader.ReadAsync(cts.Token);
    }

    [Theory, ClassData(typeof(Protocols))]
    public async Task A_hub_connection_is_authenticated_once_per_request_and_keeps_no_token(HubProtocol protocol)
    {
        var userId = Ids.User();
        var token = await _server.TokenAsync(userId, "participant");
        _validated.Clear();

        // The .NET client sends the token in the Authorization header (WebSocket, negotiation skipped).
        await using var connection = await _server.ConnectWithTokenAsync(token, protocol);

        var seen = await NextConnectedAsync();
        Assert.Equal(["/hubs/rooms"], _validated.ToArray());
        Assert.Equal(userId, seen.UserId);
        Assert.False(seen.HadAuthorizationHeader);
        Assert.False(seen.HadQueryToken);
        Assert.True(seen.HadExpiry, "SignalR closes the connection at the token's expiry; it reads it from the authentication result");
    }

    /// <remarks>The web app's browser tests cover a query token next to SignalR's own <c>id</c> parameter.</remarks>
    [Theory, ClassData(typeof(Protocols))]
    public async Task A_browser_style_query_token_is_dropped_from_the_open_request(HubProtocol protocol)
    {
        var userId = Ids.User();
        var token = await _server.TokenAsync(userId, "participant");

        await using var socket = await RawHubSocket.ConnectAsync(_server, token, protocol);

        var seen = await NextConnectedAsync();
        Assert.Equal(userId, seen.UserId);
        Assert.False(seen.HadQueryToken);
        Assert.False(seen.RawTargetHasToken);
    }

    [Fact]
    public async Task Other_requests_are_authenticated_once_by_the_standard_middleware()
    {
        var token = await _server.TokenAsync(Ids.User("adm"), "admin");
        _validated.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["/api/rooms"], _validated.ToArray());
    }

    [Fact]
    public async Task A_bad_token_on_a_hub_is_refused_with_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/rooms/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed record ConnectedRequest(string? UserId, bool HadAuthorizationHeader, bool HadQueryToken, bool RawTargetHasToken, bool HadExpiry);

    private sealed class RecordConnectedRequest(ChannelWriter<ConnectedRequest> seen) : IHubFilter
    {
        public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            var http = context.Context.GetHttpContext()!;
            var rawTarget = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "";
            var result = http.Features.Get<Microsoft.AspNetCore.Authentication.IAuthenticateResultFeature>()?.AuthenticateResult;
            seen.TryWrite(new ConnectedRequest(
                context.Context.UserIdentifier,
                http.Request.Headers.Authorization.Count > 0,
                http.Request.Query.ContainsKey("access_token"),
                rawTarget.Contains("access_token", StringComparison.Ordinal),
                result?.Properties?.ExpiresUtc is not null));
            return next(context);
        }
    }
}
