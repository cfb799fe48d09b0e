using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PeerRooms.Core.Chat;
using PeerRooms.Core.Contracts;

namespace PeerRooms.Server.Wire;

/// <summary>
/// <see cref="MessageView"/> is in every <c>MessageReceived</c> frame, so its optional fields are left
/// out of hub payloads (JSON and MessagePack) when they hold their default: <c>contentWarning</c>
/// (false), <c>audience</c> ("everyone") and <c>sensitiveTopics</c> (empty). Receivers read a missing
/// field as that default: the Core record's initialisers do so for .NET clients, the JS client and app
/// treat them as optional. A fifth of a typical frame; see docs/protocol.md and docs/performance.md.
/// </summary>
public static class MessageViewDefaults
{
    public static bool OmitContentWarning(bool contentWarning) => !contentWarning;
    public static bool OmitAudience(string? audience) => audience is null or MessageAudience.Everyone;
    public static bool OmitSensitiveTopics(IReadOnlyList<string>? topics) => topics is null or { Count: 0 };

    /// <summary>Makes <paramref name="options"/> (a hub protocol's payload options) leave those fields out.</summary>
    public static void OmitMessageViewDefaults(this JsonSerializerOptions options)
    {
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);
    }

    private static void Modify(JsonTypeInfo info)
    {
        if (info.Type != typeof(MessageView)) return;
        foreach (var property in info.Properties)
        {
            property.ShouldSerialize = (property.AttributeProvider as MemberInfo)?.Name switch
            {
                nameof(MessageView.ContentWarning) => static (_, value) => !OmitContentWarning(value is true),
                nameof(MessageView.Audience) => static (_, value) => !OmitAudience(value as string),
                nameof(MessageView.SensitiveTopics) => static (_, value) => !OmitSensitiveTopics(value as IReadOnlyList<string>),
                _ => property.ShouldSerialize,
            };
        }
    }
}
