using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;
using PeerRooms.Server.Tests.Infrastructure;

namespace PeerRooms.Server.Tests.Rooms;

/// <summary>
/// <c>MessageReceived</c> frames leave out <see cref="MessageView"/>'s optional fields at their default
/// (docs/protocol.md), and a client with SignalR's stock protocols (the .NET client's) reads the
/// frame back as the same view, defaults included.
/// </summary>
public class MessageViewWireTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] OptionalFields = ["contentWarning", "audience", "sensitiveTopics"];

    private static MessageView Plain() => new()
    {
        RoomId = "r_wire", MessageId = "m_1", ClientMessageId = "c_1", Sequence = 42, ParticipantId = "p_1",
        DisplayName = "Quiet Heron", Text = "hello \"all\" 🙂", SentAt = new DateTimeOffset(2026, 11, 24, 6, 0, 0, 123, TimeSpan.Zero),
    };

    private IHubProtocol ServerProtocol(string name) =>
        fixture.Server.Services.GetRequiredService<IHubProtocolResolver>().GetProtocol(name, supportedProtocols: null)!;

    private static IHubProtocol StockClientProtocol(string name) => name == "json"
        ? new JsonHubProtocol(Options.Create(new JsonHubProtocolOptions()))
        : new MessagePackHubProtocol(Options.Create(new MessagePackHubProtocolOptions()));

    private static bool ContainsKey(byte[] frame, string key) => frame.AsSpan().IndexOf(Encoding.UTF8.GetBytes(key)) >= 0;

    private (byte[] Frame, MessageView Read) RoundTrip(string protocol, MessageView view)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ServerProtocol(protocol).WriteMessage(new InvocationMessage(RoomEvents.MessageReceived, [view]), buffer);
        var frame = buffer.WrittenSpan.ToArray();
        var input = new ReadOnlySequence<byte>(frame);
        Assert.True(StockClientProtocol(protocol).TryParseMessage(ref input, new MessageViewBinder(), out var parsed));
        var invocation = Assert.IsType<InvocationMessage>(parsed);
        return (frame, Assert.IsType<MessageView>(Assert.Single(invocation.Arguments)));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("messagepack")]
    public void Default_fields_are_left_out_and_read_back_as_their_defaults(string protocol)
    {
        var view = Plain();
        var (frame, read) = RoundTrip(protocol, view);
        foreach (var key in OptionalFields) Assert.False(ContainsKey(frame, key), $"{protocol} frame carries {key}");
        Assert.True(ContainsKey(frame, "clientMessageId"));
        Assert.Equal(view, read with { SensitiveTopics = view.SensitiveTopics });
        Assert.False(read.ContentWarning);
        Assert.Equal(MessageAudience.Everyone, read.Audience);
        Assert.Empty(read.SensitiveTopics);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("messagepack")]
    public void Set_fields_are_sent_and_read_back(string protocol)
    {
        var view = Plain() with { ContentWarning = true, Audience = MessageAudience.Facilitators, SensitiveTopics = ["trauma", "self-harm"] };
        var (frame, read) = RoundTrip(protocol, view);
        foreach (var key in OptionalFields) Assert.True(ContainsKey(frame, key), $"{protocol} frame lacks {key}");
        Assert.Equal(view, read with { SensitiveTopics = view.SensitiveTopics });
        Assert.Equal(["trauma", "self-harm"], read.SensitiveTopics);
    }

    [Fact]
    public void Only_message_views_lose_their_defaults()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var response = new SendMessageResponse { MessageId = "m_1", Sequence = 1, Duplicate = false };
        ServerProtocol("json").WriteMessage(CompletionMessage.WithResult("1", response), buffer);
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Contains("\"duplicate\":false", json);
        Assert.Contains("\"notices\":[]", json);
    }

    private sealed class MessageViewBinder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [typeof(MessageView)];
        public Type GetReturnType(string invocationId) => typeof(object);
        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
