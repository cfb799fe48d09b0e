using System.Buffers;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Hosting;

namespace PeerRooms.Benchmarks;

/// <summary>
/// Serialising one MessageReceived frame (what the server does once per send and protocol, before
/// fan-out) against the bare relay hub's frame with the same text. Shows what the richer PeerRooms
/// payload (ids, pseudonym, sequence, time) costs on the wire; see docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class HubPayloadBenchmark
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "peerrooms-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication _app = null!;
    private IHubProtocol _protocol = null!;
    private IHubProtocol _bareProtocol = null!;
    private InvocationMessage _ours = null!;
    private InvocationMessage _bare = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    [Params("json", "messagepack")]
    public string Protocol { get; set; } = "json";

    [GlobalSetup]
    public void Setup()
    {
        // The server's own protocol instances (its payload options: MessageView defaults left out); the
        // bare hub uses SignalR's stock options, as load-tests/PeerRooms.BareHub does.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["PeerRooms:DataDirectory"] = _dataDirectory;
        builder.Configuration["PeerRooms:Auth:SigningKey"] = "benchmark-signing-key-not-secret-0123456789abcdef";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddPeerRooms();
        _app = builder.Build();
        _protocol = _app.Services.GetRequiredService<IHubProtocolResolver>().GetProtocol(Protocol, null)!;
        _bareProtocol = Protocol == "json"
            ? new JsonHubProtocol(Options.Create(new JsonHubProtocolOptions()))
            : new MessagePackHubProtocol(Options.Create(new MessagePackHubProtocolOptions()));
        const string text = "tabcdefghijklmnop lorem ipsum dolor sit amet consectetur adipiscing elit sed do";
        var view = new MessageView
        {
            RoomId = "r_k3h8s9dj2k4m5n6p",
            MessageId = "m_a8s7d6f5g4h3j2k1",
            ClientMessageId = "5f0c2d9e8b7a46c1a3e2d1c0b9a8f7e6",
            Sequence = 12345,
            ParticipantId = "p_q2w3e4r5t6y7u8i9",
            DisplayName = "Member 42",
            Text = text,
            SentAt = DateTimeOffset.UtcNow,
        };
        _ours = new InvocationMessage(RoomEvents.MessageReceived, [view]);
        _bare = new InvocationMessage("Message", ["g42", text]);
        Console.WriteLine($"// frame bytes ({Protocol}): peerrooms {Size(_protocol, _ours)}, bare {Size(_bareProtocol, _bare)}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try { Directory.Delete(_dataDirectory, true); } catch (IOException) { }
    }

    private int Size(IHubProtocol protocol, HubMessage message)
    {
        _buffer.Clear();
        protocol.WriteMessage(message, _buffer);
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true)]
    public int Bare() => Size(_bareProtocol, _bare);

    [Benchmark]
    public int PeerRooms() => Size(_protocol, _ours);
}
