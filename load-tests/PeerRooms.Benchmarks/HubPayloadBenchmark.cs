using System.Buffers;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Benchmarks;

/// <summary>
/// Serialising one MessageReceived frame (what the server does once per send and protocol, before
/// fan-out) against the bare relay hub's frame with the same text. Shows what the richer PeerRooms
/// payload (ids, pseudonym, sequence, time) costs on the wire; see docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class HubPayloadBenchmark
{
    private IHubProtocol _protocol = null!;
    private InvocationMessage _ours = null!;
    private InvocationMessage _bare = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    [Params("json", "messagepack")]
    public string Protocol { get; set; } = "json";

    [GlobalSetup]
    public void Setup()
    {
        _protocol = Protocol == "json"
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
        Console.WriteLine($"// frame bytes ({Protocol}): peerrooms {Size(_ours)}, bare {Size(_bare)}");
    }

    private int Size(HubMessage message)
    {
        _buffer.Clear();
        _protocol.WriteMessage(message, _buffer);
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true)]
    public int Bare() => Size(_bare);

    [Benchmark]
    public int PeerRooms() => Size(_ours);
}
