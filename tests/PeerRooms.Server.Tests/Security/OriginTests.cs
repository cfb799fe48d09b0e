using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeerRooms.Server.Hosting;
using PeerRooms.Server.Security;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Security;

/// <summary>A node that allows one extra browser origin.</summary>
public sealed class AllowedOriginFixture : IDisposable
{
    public const string Allowed = "https://rooms.example.org";

    public PeerRoomsServer Server { get; } = new(new Dictionary<string, string?> { ["PeerRooms:AllowedOrigins:0"] = Allowed });

    public void Dispose() => Server.Dispose();
}

public class OriginTests(AllowedOriginFixture fixture) : IClassFixture<AllowedOriginFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    private async Task<HttpStatusCode> NegotiateAsync(string? origin)
    {
        var token = await Server.TokenAsync(Ids.User(), "participant");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/rooms/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new("Bearer", token);
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await Server.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Hub_requests_from_foreign_origins_are_refused_and_others_pass()
    {
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(null));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(Server.BaseAddress.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(AllowedOriginFixture.Allowed));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("null"));
        // Not Development: localhost origins on other ports are foreign too.
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("http://localhost:1234"));
    }

    [Fact]
    public async Task A_websocket_upgrade_from_a_foreign_origin_is_refused_with_403()
    {
        var token = await Server.TokenAsync(Ids.User(), "participant");
        var uri = new UriBuilder(new Uri(Server.BaseAddress, "/hubs/rooms")) { Scheme = "ws", Query = "access_token=" + token }.Uri;

        using var evil = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };
        evil.Options.SetRequestHeader("Origin", "https://evil.example");
        await Assert.ThrowsAsync<WebSocketException>(() => evil.ConnectAsync(uri, new CancellationTokenSource(Timeouts.Default).Token));
        Assert.Equal(HttpStatusCode.Forbidden, evil.HttpStatusCode);

        using var good = new ClientWebSocket();
        good.Options.SetRequestHeader("Origin", AllowedOriginFixture.Allowed);
        await good.ConnectAsync(uri, new CancellationTokenSource(Timeouts.Default).Token);
        Assert.Equal(WebSocketState.Open, good.State);
    }

    [Fact]
    public async Task Cors_answers_only_allowed_origins_on_the_http_api()
    {
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/rooms");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return await Server.Http.SendAsync(request);
        }
        using var allowed = await Preflight(AllowedOriginFixture.Allowed);
        Assert.True(allowed.IsSuccessStatusCode, $"preflight: {allowed.StatusCode}");
        Assert.Equal(AllowedOriginFixture.Allowed, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var evil = await Preflight("https://evil.example");
        Assert.False(evil.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://rooms.example.org", true)]
    [InlineData("HTTPS://Rooms.Example.org/", true)]
    [InlineData("https://rooms.example.org:443", true)]
    [InlineData("http://rooms.example.org", false)]
    [InlineData("https://rooms.example.org.evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://localhost:5173", false)]
    [InlineData("not an origin", false)]
    public void The_allow_list_matches_exact_origins(string origin, bool allowed)
    {
        var policy = new OriginPolicy(Options.Create(new PeerRoomsOptions { AllowedOrigins = ["https://rooms.example.org"] }), new Env("Production"));
        Assert.Equal(allowed, policy.IsAllowedCrossOrigin(origin));
    }

    [Theory]
    [InlineData("http://localhost:5173", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("https://localhost", true)]
    [InlineData("https://evil.example", false)]
    public void Development_also_allows_local_origins(string origin, bool allowed)
    {
        var policy = new OriginPolicy(Options.Create(new PeerRoomsOptions()), new Env("Development"));
        Assert.Equal(allowed, policy.IsAllowedCrossOrigin(origin));
    }

    [Theory]
    [InlineData("https://peer.example:8443", "peer.example:8443", true)]
    [InlineData("https://peer.example", "peer.example", true)]
    [InlineData("https://peer.example", "other.example", false)]
    [InlineData("https://peer.example:8443", "peer.example:9443", false)]
    public void Same_origin_compares_host_and_port(string origin, string host, bool same)
    {
        var http = new DefaultHttpContext();
        http.Request.Host = new HostString(host);
        http.Request.Scheme = "https";
        http.Request.IsHttps = true;
        Assert.Equal(same, OriginPolicy.IsSameOrigin(origin, http.Request));
    }

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "PeerRooms";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
