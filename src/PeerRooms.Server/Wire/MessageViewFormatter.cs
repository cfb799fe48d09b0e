using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Wire;

/// <summary>
/// Writes <see cref="MessageView"/> as the same string-keyed map the standard MessagePack resolver
/// writes for a <c>[DataContract]</c> record (so any MessagePack reader of the protocol reads it as
/// before), minus the fields <see cref="MessageViewDefaults"/> leaves out at their default. Keys are
/// encoded once. Reading is the standard formatter's (missing keys keep their defaults).
/// </summary>
public sealed class MessageViewFormatter : IMessagePackFormatter<MessageView?>
{
    public static readonly MessageViewFormatter Instance = new();

    private static readonly byte[] RoomIdKey = Key("roomId");
    private static readonly byte[] MessageIdKey = Key("messageId");
    private static readonly byte[] ClientMessageIdKey = Key("clientMessageId");
    private static readonly byte[] SequenceKey = Key("sequence");
    private static readonly byte[] ParticipantIdKey = Key("participantId");
    private static readonly byte[] DisplayNameKey = Key("displayName");
    private static readonly byte[] TextKey = Key("text");
    private static readonly byte[] SentAtKey = Key("sentAt");
    private static readonly byte[] ContentWarningKey = Key("contentWarning");
    private static readonly byte[] AudienceKey = Key("audience");
    private static readonly byte[] SensitiveTopicsKey = Key("sensitiveTopics");

    /// <summary><paramref name="resolver"/> (the protocol's own) with this formatter in front of it.</summary>
    public static IFormatterResolver Around(IFormatterResolver resolver) => CompositeResolver.Create([Instance], [resolver]);

    public void Serialize(ref MessagePackWriter writer, MessageView? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }
        var warning = !MessageViewDefaults.OmitContentWarning(value.ContentWarning);
        var audience = !MessageViewDefaults.OmitAudience(value.Audience);
        var topics = !MessageViewDefaults.OmitSensitiveTopics(value.SensitiveTopics);
        writer.WriteMapHeader(8 + (warning ? 1 : 0) + (audience ? 1 : 0) + (topics ? 1 : 0));
        writer.WriteRaw(RoomIdKey); writer.Write(value.RoomId);
        writer.WriteRaw(MessageIdKey); writer.Write(value.MessageId);
        writer.WriteRaw(ClientMessageIdKey); writer.Write(value.ClientMessageId);
        writer.WriteRaw(SequenceKey); writer.Write(value.Sequence);
        writer.WriteRaw(ParticipantIdKey); writer.Write(value.ParticipantId);
        writer.WriteRaw(DisplayNameKey); writer.Write(value.DisplayName);
        writer.WriteRaw(TextKey); writer.Write(value.Text);
        writer.WriteRaw(SentAtKey); options.Resolver.GetFormatterWithVerify<DateTimeOffset>().Serialize(ref writer, value.SentAt, options);
        if (warning) { writer.WriteRaw(ContentWarningKey); writer.Write(true); }
        if (audience) { writer.WriteRaw(AudienceKey); writer.Write(value.Audience); }
        if (topics) { writer.WriteRaw(SensitiveTopicsKey); options.Resolver.GetFormatterWithVerify<IReadOnlyList<string>>().Serialize(ref writer, value.SensitiveTopics, options); }
    }

    public MessageView? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        => DynamicObjectResolver.Instance.GetFormatterWithVerify<MessageView?>().Deserialize(ref reader, options);

    private static byte[] Key(string name) => MessagePackSerializer.Serialize(name);
}
