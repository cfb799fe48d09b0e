using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>
/// A PeerRooms node on real Kestrel sockets (port chosen by the OS), configured in memory. Tests talk
/// to it with the real SignalR client over WebSockets and with HttpClient.
/// </summary>
public sealed class PeerRoomsServer : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-tests", Guid.NewGuid().ToString("N"));

    /// <param name="configure">Extra host configuration, e.g. a capturing logger provider.</param>
    public PeerRoomsServer(IDictionary<string, string?>? settings = null, string environment = "Testing", Action<IWebHostBuilder>? configure = null)
    {
        _environment = environment;
        _configure = configure;
        _settings = new Dictionary<string, string?>
        {
            ["PeerRooms:DataDirectory"] = _dataDirectory,
            ["PeerRooms:Auth:SigningKey"] = SigningKey,
            ["PeerRooms:Auth:DevTokens"] = "true",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    /// <summary>A plain HTTP client against the real socket.</summary>
    public HttpClient Http { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // A null value removes a default setting instead of setting it to "".
        foreach (var (k, v) in _settings.Where(s => s.Value is not null)) builder.UseSetting(k, v);
        _configure?.Invoke(builder);
    }

    public async Task<string> TokenAsync(string userId, params string[] roles)
    {
        using var response = await Http.PostAsJsonAsync("/api/dev/token", new { userId, roles });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.Token;
    }

    public async Task<HubConnection> ConnectAsync(string userId, HubProtocol protocol, params string[] roles)
    {
        var token = await TokenAsync(userId, roles.Length == 0 ? ["participant"] : roles);
        return await ConnectWithTokenAsync(token, protocol);
    }

    public async Task<HubConnection> ConnectWithTokenAsync(string? token, HubProtocol protocol, string path = HubPaths.Rooms)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, path), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            });
        if (protocol == HubProtocol.MessagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        await connection.StartAsync().WaitAsync(Timeouts.Default);
        return connection;
    }

    /// <summary>
    /// Creates a room through the HTTP API as an admin. Unless the test's <paramref name="policy"/>
    /// says otherwise, the room opens on the first join (<c>requireFacilitatorToStart: false</c>), so
    /// tests that are not about sessions can chat without a facilitator; the product default is a
    /// facilitator-led room.
    /// </summary>
    public async Task<string> CreateRoomAsync(string name = "Test room", string[]? facilitators = null, object? policy = null, int capacity = 20)
    {
        var admin = await TokenAsync("admin-1", "admin");
        var policyJson = policy is null ? new System.Text.Json.Nodes.JsonObject()
            : System.Text.Json.JsonSerializer.SerializeToNode(policy, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.AsObject();
        if (!policyJson.ContainsKey("requireFacilitatorToStart")) policyJson["requireFacilitatorToStart"] = false;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms")
        {
            Content = JsonContent.Create(new { name, facilitators = facilitators ?? [], policy = policyJson, capacity }),
        };
        request.Headers.Authorization = new("Bearer", admin);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var room = await response.Content.ReadFromJsonAsync<RoomBody>();
        return room!.Id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Http.Dispose();
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed record TokenBody(string Token);
    private sealed record RoomBody(string Id);
}

public enum HubProtocol { Json, MessagePack }

public static class Timeouts
{
    /// <summary>Every await in a test carries a timeout, so a broken server fails fast instead of hanging.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);
}
