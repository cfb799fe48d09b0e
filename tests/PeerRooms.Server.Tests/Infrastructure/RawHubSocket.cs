using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MessagePack;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Tests.Infrastructure;

/// <summary>Writes exactly one MessagePack value: the invocation's arguments array (or something hostile in its place).</summary>
public delegate void WriteArguments(ref MessagePackWriter writer);

/// <summary>What the server sent back on a raw socket: a completion (with its error) or a close.</summary>
public sealed record RawHubMessage(int Type, string? InvocationId, string? Error);

/// <summary>
/// A hub connection at the byte level, for sending frames the real client never would (hostile
/// MessagePack, broken JSON, invalid UTF-8). Does the SignalR handshake itself, then sends raw
/// invocation frames and decodes completions and close messages. Server pings are skipped.
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly HubProtocol _protocol;
    private readonly List<byte> _buffer = [];

    private RawHubSocket(HubProtocol protocol) => _protocol = protocol;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public static async Task<RawHubSocket> ConnectAsync(PeerRoomsServer server, string token, HubProtocol protocol, string path = HubPaths.Rooms)
    {
        var raw = new RawHubSocket(protocol);
        var uri = new UriBuilder(new Uri(server.BaseAddress, path)) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        using var cts = new CancellationTokenSource(Timeouts.Default);
        await raw._socket.ConnectAsync(uri, cts.Token);
        var name = protocol == HubProtocol.MessagePack ? "messagepack" : "json";
        await raw.SendRawAsync(Encoding.UTF8.GetBytes($"{{\"protocol\":\"{name}\",\"version\":1}}\u001e"));
        // The handshake answer is JSON "{}\x1e" (or an error) in either protocol.
        var answer = await raw.ReadUntilSeparatorAsync();
        if (answer != "{}") throw new InvalidOperationException($"handshake refused: {answer}");
        return raw;
    }

    /// <summary>Sends bytes as one WebSocket message, exactly as given.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        using var cts = new CancellationTokenSource(Timeouts.Default);
        var type = _protocol == HubProtocol.MessagePack ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
        await _socket.SendAsync(bytes, type, true, cts.Token);
    }

    /// <summary>A MessagePack frame: varint length prefix, then the payload.</summary>
    public static byte[] LengthPrefixed(ReadOnlySpan<byte> payload)
    {
        var prefix = new List<byte>();
        var length = (uint)payload.Length;
        do
        {
            var b = (byte)(length & 0x7f);
            length >>= 7;
            if (length > 0) b |= 0x80;
            prefix.Add(b);
        } while (length > 0);
        return [.. prefix, .. payload];
    }

    /// <summary>A MessagePack invocation whose arguments array is written by <paramref name="writeArguments"/> (which must write exactly one value).</summary>
    public static byte[] MessagePackInvocation(string invocationId, string target, WriteArguments writeArguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(5);
        writer.Write(1);            // Invocation
        writer.WriteMapHeader(0);   // headers
        writer.Write(invocationId);
        writer.Write(target);
        writer.Flush();
        var head = buffer.WrittenSpan.ToArray();
        var argsBuffer = new ArrayBufferWriter<byte>();
        var argsWriter = new MessagePackWriter(argsBuffer);
        writeArguments(ref argsWriter);
        argsWriter.Flush();
        return LengthPrefixed([.. head, .. argsBuffer.WrittenSpan]);
    }

    /// <summary>Next completion or close; null when the server closed the socket without one.</summary>
    public async Task<RawHubMessage?> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeouts.Default);
        while (true)
        {
            var message = _protocol == HubProtocol.MessagePack ? TryTakeMessagePack() : TryTakeJson();
            if (message is { Type: 3 or 7 }) return message;
            if (message is not null) continue; // pings and other traffic
            if (!await ReceiveMoreAsync(cts.Token)) return null;
        }
    }

    private async Task<string> ReadUntilSeparatorAsync()
    {
        using var cts = new CancellationTokenSource(Timeouts.Default);
        while (true)
        {
            var at = _buffer.IndexOf(0x1e);
            if (at >= 0)
            {
                var text = Encoding.UTF8.GetString(_buffer.GetRange(0, at).ToArray());
                _buffer.RemoveRange(0, at + 1);
                return text;
            }
            if (!await ReceiveMoreAsync(cts.Token)) return "(closed)";
        }
    }

    private async Task<bool> ReceiveMoreAsync(CancellationToken ct)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseSent)) return false;
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult result;
        try
        {
            result = await _socket.ReceiveAsync(chunk, ct);
        }
        catch (WebSocketException)
        {
            return false;
        }
        if (result.MessageType == WebSocketMessageType.Close) return false;
        _buffer.AddRange(chunk.AsSpan(0, result.Count).ToArray());
        return true;
    }

    private RawHubMessage? TryTakeJson()
    {
        var at = _buffer.IndexOf(0x1e);
        if (at < 0) return null;
        var json = _buffer.GetRange(0, at).ToArray();
        _buffer.RemoveRange(0, at + 1);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var type = root.GetProperty("type").GetInt32();
        return new RawHubMessage(type,
            root.TryGetProperty("invocationId", out var id) ? id.GetString() : null,
            root.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    private RawHubMessage? TryTakeMessagePack()
    {
        // Varint length prefix.
        var length = 0; var shift = 0; var i = 0;
        while (true)
        {
            if (i >= _buffer.Count) return null;
            var b = _buffer[i++];
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) break;
            shift += 7;
        }
        if (_buffer.Count < i + length) return null;
        var payload = _buffer.GetRange(i, length).ToArray();
        _buffer.RemoveRange(0, i + length);
        var reader = new MessagePackReader(payload);
        var count = reader.ReadArrayHeader();
        var type = reader.ReadInt32();
        if (type == 3)
        {
            reader.Skip(); // headers
            var id = reader.ReadString();
            var kind = reader.ReadInt32();
            return new RawHubMessage(3, id, kind == 1 ? reader.ReadString() : null);
        }
        if (type == 7) return new RawHubMessage(7, null, count > 1 && !reader.TryReadNil() ? reader.ReadString() : null);
        return new RawHubMessage(type, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { }
        _socket.Dispose();
    }
}
