using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Video;
using PeerRooms.Server.Tests.Infrastructure;
using PeerRooms.Server.Tests.Moderation;

namespace PeerRooms.Server.Tests.Video;

/// <summary>A real coturn in TURN REST mode and a PeerRooms node that shares its secret.</summary>
public sealed class TurnNodeFixture : IAsyncLifetime
{
    public TurnServerProcess Turn { get; } = new();

    public PeerRoomsServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Turn.StartAsync();
        Server = new PeerRoomsServer(new Dictionary<string, string?>
        {
            ["PeerRooms:Video:Turn:Secret"] = Turn.Secret,
            ["PeerRooms:Video:Turn:Urls:0"] = Turn.Url,
            ["PeerRooms:Video:Turn:TtlSeconds"] = "300",
        });
    }

    public async Task DisposeAsync()
    {
        Server?.Dispose();
        await Turn.DisposeAsync();
    }
}

/// <summary>
/// TURN credentials issued by JoinVideo work against a real coturn (<c>--use-auth-secret</c>): a fresh
/// pair allocates a relay; a tampered credential or an expired username is refused by coturn itself.
/// </summary>
public class TurnServerTests(TurnNodeFixture fixture) : IClassFixture<TurnNodeFixture>
{
    private TurnServerProcess Turn => fixture.Turn;

    [Theory, ClassData(typeof(Protocols))]
    public async Task JoinVideo_issues_turn_credentials_that_coturn_accepts_only_untampered_and_only_to_members(HubProtocol protocol)
    {
        var server = fixture.Server;
        var room = await server.CreateRoomAsync();
        await using var member = await server.ConnectAsync(Ids.User(), protocol);
        await using var outsider = await server.ConnectAsync(Ids.User(), protocol);
        await member.Join(room, "Pat");

        var join = await member.Call<JoinVideoResponse>("JoinVideo", room);
        var turn = Assert.Single(join.IceServers, s => s.Urls.Any(u => u.StartsWith("turn:", StringComparison.Ordinal)));
        Assert.NotNull(turn.Username);
        Assert.NotNull(turn.Credential);
        var (host, port) = HostAndPort(Assert.Single(turn.Urls));
        Assert.Equal("127.0.0.1", host);

        var ok = await Turn.AllocateAsync(host, port, turn.Username, turn.Credential);
        Assert.True(ok.Allocated, $"issued credential refused (exit {ok.ExitCode}):\n{ok.Output}\n-- turnserver --\n{Turn.Log}");

        var tampered = Tamper(turn.Credential);
        var refused = await Turn.AllocateAsync(host, port, turn.Username, tampered);
        Assert.False(refused.Allocated, "coturn accepted a tampered credential");

        // A non-member (never joined the room) cannot get credentials at all.
        await outsider.Call<JoinVideoResponse>("JoinVideo", room).ExpectErrorAsync(ErrorCodes.NotMember);
    }

    [Fact]
    public async Task Coturn_refuses_an_expired_username_even_with_a_correct_signature()
    {
        var expired = TurnCredentials.Issue(Turn.Secret, Ids.User(), DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromMinutes(10));
        var run = await Turn.AllocateAsync("127.0.0.1", Turn.Port, expired.Username, expired.Credential);
        Assert.False(run.Allocated, "coturn accepted an expired TURN username");

        // Control: the same user with a live expiry is accepted, so the refusal above was the expiry.
        var live = TurnCredentials.Issue(Turn.Secret, Ids.User(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
        var ok = await Turn.AllocateAsync("127.0.0.1", Turn.Port, live.Username, live.Credential);
        Assert.True(ok.Allocated, $"live credential refused (exit {ok.ExitCode}):\n{ok.Output}");
    }

    private static (string Host, int Port) HostAndPort(string turnUrl)
    {
        // turn:<host>:<port>[?transport=udp]
        var hostPort = turnUrl["turn:".Length..].Split('?')[0];
        var colon = hostPort.LastIndexOf(':');
        return (hostPort[..colon], int.Parse(hostPort[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Flips one bit of the decoded HMAC, keeping it valid base64 of the right length.</summary>
    private static string Tamper(string credential)
    {
        var bytes = Convert.FromBase64String(credential);
        bytes[0] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
