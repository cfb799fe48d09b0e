using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Benchmarks;

/// <summary>
/// The message pipeline without network: <see cref="RoomChatService.SendAsync"/> exactly as the
/// server wires it (every registered send rule, in-memory live state, the cached room repository),
/// plus the mapping to the wire view. What the load tests' "server CPU per delivery" pays per send on
/// top of SignalR itself; see docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class MessagePipelineBenchmark
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication _app = null!;
    private RoomChatService _chat = null!;
    private Caller[] _members = [];
    private string _roomId = "";
    private string _text = "";
    private long _next;

    [Params(64, 1000)]
    public int PayloadChars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["PeerRooms:DataDirectory"] = _dataDirectory;
        builder.Configuration["PeerRooms:Auth:SigningKey"] = "benchmark-signing-key-not-secret-0123456789abcdef";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddPeerRooms();
        _app = builder.Build();
        _chat = _app.Services.GetRequiredService<RoomChatService>();

        // The session opens on the first join (as in the load tests, no facilitator needed to start).
        var room = new RoomDraft { Name = "Benchmark room", Capacity = 20, Policy = new RoomPolicy { RequireFacilitatorToStart = false } }
            .Create("r_bench", DateTimeOffset.UtcNow);
        _app.Services.GetRequiredService<IRoomRepository>().CreateAsync(room).GetAwaiter().GetResult();
        _roomId = room.Id;
        _members = [.. Enumerable.Range(0, 10).Select(i => new Caller($"bench-user-{i}", new HashSet<string> { Roles.Participant }))];
        for (var i = 0; i < _members.Length; i++)
        {
            _chat.JoinAsync(_members[i], new JoinRoomRequest { RoomId = _roomId, DisplayName = $"Member {i}" }, new ConnectionRef($"c{i}", "bench"))
                .GetAwaiter().GetResult();
        }
        _text = string.Concat(Enumerable.Repeat("Tonight I will try the breathing exercise and text my friend. ", 20))[..PayloadChars];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try { Directory.Delete(_dataDirectory, true); } catch (IOException) { }
    }

    /// <summary>One message through validation, every send rule, dedupe and the history ring, mapped to its wire view.</summary>
    [Benchmark]
    public async Task<MessageView> SendAndMap()
    {
        var n = _next++;
        var sender = _members[n % _members.Length];
        var sent = await _chat.SendAsync(sender, new SendMessageRequest { RoomId = _roomId, ClientMessageId = $"m{n}", Text = _text });
        return sent.Message!.ToView(_roomId);
    }
}
