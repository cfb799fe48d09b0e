using System.Text;
using MessagePack;
using PeerRooms.Core.Contracts;
using PeerRooms.Core.Errors;
using PeerRooms.Server.Tests.Infrastructure;
using static PeerRooms.Server.Tests.Infrastructure.HubCalls;
using static PeerRooms.Server.Tests.Security.SecurityTestClients;

namespace PeerRooms.Server.Tests.Security;

/// <summary>
/// Crafted frames a real client never sends: deep nesting, collection headers claiming billions of
/// elements, lying length prefixes, invalid UTF-8. Each is sent on its own raw connection; the
/// server must answer with a clean error or close that one connection, stay up, keep serving other
/// connections, and not allocate its way into trouble.
/// </summary>
public class HostileFrameTests(ServerFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private PeerRoomsServer Server => fixture.Server;

    /// <summary>Frames whose answer may be a completion error or a closed connection, never a hang or a crash.</summary>
    public static TheoryData<string> MessagePackFrames => new()
    {
        "deep-array", "deep-map", "array-header-2^31", "map-header-2^31", "string-header-2^31", "bin-header-2^31",
        "args-header-2^31", "headers-map-2^31", "length-prefix-2^31", "length-prefix-truncated", "ext-type", "invalid-utf8",
        "huge-int-for-string", "nested-request-objects",
    };

    private static byte[] Frame(string kind) => kind switch
    {
        "deep-array" => RawHubSocket.MessagePackInvocation("1", "SendMessage", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            for (var i = 0; i < 10_000; i++) w.WriteArrayHeader(1);
            w.WriteNil();
        }),
        "deep-map" => RawHubSocket.MessagePackInvocation("1", "JoinRoom", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            for (var i = 0; i < 10_000; i++) { w.WriteMapHeader(1); w.Write("roomId"); }
            w.WriteNil();
        }),
        "array-header-2^31" => RawHubSocket.MessagePackInvocation("1", "SendMessage", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteArrayHeader(int.MaxValue); // and no elements
        }),
        "map-header-2^31" => RawHubSocket.MessagePackInvocation("1", "SendMessage", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteMapHeader(int.MaxValue);
            w.Write("roomId"); w.Write("r1");
        }),
        "string-header-2^31" => RawHubSocket.MessagePackInvocation("1", "LeaveRoom", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteRaw(new byte[] { 0xdb, 0x7f, 0xff, 0xff, 0xff, (byte)'a', (byte)'b' });
        }),
        "bin-header-2^31" => RawHubSocket.MessagePackInvocation("1", "LeaveRoom", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteRaw(new byte[] { 0xc6, 0x7f, 0xff, 0xff, 0xff, 1, 2, 3 });
        }),
        "args-header-2^31" => RawHubSocket.MessagePackInvocation("1", "GetRoster", (ref MessagePackWriter w) => w.WriteArrayHeader(int.MaxValue)),
        "headers-map-2^31" => RawHubSocket.LengthPrefixed(new byte[] { 0x95, 0x01, 0xdf, 0x7f, 0xff, 0xff, 0xff, 0xa1, (byte)'k', 0xa1, (byte)'v' }),
        // A prefix claiming 2 GiB followed by more than MaximumReceiveMessageSize of junk: refused, not buffered.
        "length-prefix-2^31" => [0xff, 0xff, 0xff, 0xff, 0x07, .. new byte[40_000]],
        "length-prefix-truncated" => [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        "ext-type" => RawHubSocket.MessagePackInvocation("1", "SendMessage", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteExtensionFormat(new ExtensionResult(42, new byte[16]));
        }),
        "invalid-utf8" => RawHubSocket.MessagePackInvocation("1", "LeaveRoom", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteRaw(new byte[] { 0xa4, 0xff, 0xfe, 0xc0, 0x80 });
        }),
        "huge-int-for-string" => RawHubSocket.MessagePackInvocation("1", "LeaveRoom", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.Write(ulong.MaxValue);
        }),
        "nested-request-objects" => RawHubSocket.MessagePackInvocation("1", "SendMessage", (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            for (var i = 0; i < 2_000; i++) { w.WriteMapHeader(2); w.Write("roomId"); w.Write("r"); w.Write("text"); }
            w.Write("x");
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TheoryData<string> JsonFrames => new()
    {
        "deep-array", "deep-object", "invalid-utf8", "huge-number", "not-json", "unterminated-string", "wrong-types", "unknown-method", "too-many-arguments",
    };

    private static byte[] JsonFrame(string kind)
    {
        static byte[] Text(string s) => Encoding.UTF8.GetBytes(s + "\u001e");
        return kind switch
        {
            "deep-array" => Text("{\"type\":1,\"invocationId\":\"1\",\"target\":\"SendMessage\",\"arguments\":[" + new string('[', 10_000) + new string(']', 10_000) + "]}"),
            "deep-object" => Text("{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinRoom\",\"arguments\":[" + string.Concat(Enumerable.Repeat("{\"roomId\":", 5_000)) + "1" + new string('}', 5_000) + "]}"),
            "invalid-utf8" => [.. Encoding.UTF8.GetBytes("{\"type\":1,\"invocationId\":\"1\",\"target\":\"LeaveRoom\",\"arguments\":[\""), 0xff, 0xfe, 0xc0, 0x80, .. Encoding.UTF8.GetBytes("\"]}\u001e")],
            "huge-number" => Text("{\"type\":1,\"invocationId\":\"1\",\"target\":\"GetHistory\",\"arguments\":[\"r1\"," + new string('9', 20_000) + "]}"),
            "not-json" => Text("\u0000\u0001 definitely not json"),
            "unterminated-string" => Text("{\"type\":1,\"invocationId\":\"1\",\"target\":\"LeaveRoom\",\"arguments\":[\"abc"),
            "wrong-types" => Text("{\"type\":1,\"invocationId\":\"1\",\"target\":\"SendMessage\",\"arguments\":[{\"roomId\":[1,2,3],\"text\":{\"a\":true}}]}"),
            "unknown-method" => Text("{\"type\":1,\"invocationId\":\"1\",\"target\":\"NoSuchMethod\",\"arguments\":[]}"),
            "too-many-arguments" => Text("{\"type\":1,\"invocationId\":\"1\",\"target\":\"LeaveRoom\",\"arguments\":[\"a\",\"b\",\"c\"]}"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory, MemberData(nameof(MessagePackFrames))]
    public Task Hostile_messagepack_frames_leave_the_node_serving(string kind) => SendAndCheckAsync(HubProtocol.MessagePack, Frame(kind));

    [Theory, MemberData(nameof(JsonFrames))]
    public Task Hostile_json_frames_leave_the_node_serving(string kind) => SendAndCheckAsync(HubProtocol.Json, JsonFrame(kind));

    private async Task SendAndCheckAsync(HubProtocol protocol, byte[] frame)
    {
        var room = await Server.CreateRoomAsync();
        await using var honest = await Server.ConnectAsync(Ids.User(), protocol);
        await using var peer = await Server.ConnectAsync(Ids.User(), protocol);
        using var peerMessages = peer.Record<MessageView>(RoomEvents.MessageReceived);
        await Join(honest, room, "Honest");
        await Join(peer, room, "Peer");

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        await using var hostile = await RawHubSocket.ConnectAsync(Server, await Server.TokenAsync(Ids.User(), "participant"), protocol);
        await hostile.SendRawAsync(frame);
        var answer = await hostile.NextAsync();
        output.WriteLine($"answer: {answer?.ToString() ?? "connection closed"}");
        // Either a clean completion error with a catalogue code, or the server closed this connection.
        if (answer is { Type: 3 })
        {
            Assert.NotNull(answer.Error);
            Assert.Contains(HubErrorMessages.TryParseCode(answer.Error), ErrorCodes.All);
        }
        else
        {
            Assert.True(answer is null or { Type: 7 }, $"unexpected answer {answer}");
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        Assert.True(allocated < 256L * 1024 * 1024, $"the frame cost {allocated / (1024 * 1024)} MiB of allocations");

        // The node still serves: health, and honest traffic between other connections.
        using var health = await Server.Http.GetAsync("/healthz");
        Assert.True(health.IsSuccessStatusCode);
        var ack = await Send(honest, room, "still working");
        await peerMessages.NextAsync(m => m.MessageId == ack.MessageId);
    }

    [Fact]
    public async Task Binding_failures_get_invalid_argument_over_raw_json()
    {
        await using var raw = await RawHubSocket.ConnectAsync(Server, await Server.TokenAsync(Ids.User(), "participant"), HubProtocol.Json);
        foreach (var kind in new[] { "wrong-types", "unknown-method", "too-many-arguments" })
        {
            await raw.SendRawAsync(JsonFrame(kind));
            var answer = await raw.NextAsync();
            Assert.NotNull(answer);
            Assert.Equal(3, answer.Type);
            Assert.Equal(ErrorCodes.InvalidArgument, HubErrorMessages.TryParseCode(answer.Error));
        }
        Assert.True(raw.IsOpen);
    }
}
