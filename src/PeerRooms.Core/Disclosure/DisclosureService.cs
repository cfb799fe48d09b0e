using PeerRooms.Core.Chat;
using PeerRooms.Core.Errors;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Disclosure;

/// <summary>
/// The disclosure choices a participant makes after joining: what they share about themselves,
/// taking back a message, and which content warnings they want collapsed. Validates before it
/// changes anything.
/// </summary>
public sealed class DisclosureService(
    RoomChatService chat,
    IPresenceStore presence,
    IHistoryStore history,
    ITranscriptStore transcripts,
    IContentPreferenceStore preferences,
    TimeProvider time)
{
    /// <summary>Replaces the caller's attributes in the room; returns the updated participant.</summary>
    public async Task<Participant> SetAttributesAsync(Caller caller, string roomId, IEnumerable<(string? Kind, string? Value, string? Audience)>? attributes, CancellationToken ct = default)
    {
        roomId = InputRules.RequireId(roomId, "roomId");
        var validated = PersonalAttributeRules.Validate(attributes, time.GetUtcNow());
        await chat.RequireMemberAsync(roomId, caller, ct);
        return await presence.UpdateAsync(roomId, caller.UserId, p => p with { Attributes = new(validated) }, ct)
               ?? throw new PeerRoomsException(ErrorCodes.NotMember, "you are not in this room");
    }

    /// <summary>
    /// Removes the caller's own message from the live history (and the transcript, if the room keeps
    /// one) and returns it so it can be withdrawn from clients. <c>forbidden</c> for someone else's
    /// message; <c>not_found</c> when it is not (or no longer) in the live history.
    /// </summary>
    public async Task<ChatMessage> RetractAsync(Caller caller, string roomId, string messageId, CancellationToken ct = default)
    {
        roomId = InputRules.RequireId(roomId, "roomId");
        messageId = InputRules.RequireId(messageId, "messageId");
        await chat.RequireAdmittedAsync(roomId, caller, ct);
        var messages = await history.GetAsync(roomId, 0, int.MaxValue, ct);
        var message = messages.FirstOrDefault(m => m.MessageId == messageId)
                      ?? throw PeerRoomsException.NotFound("message not found in this session's history");
        if (message.SenderUserId != caller.UserId) throw PeerRoomsException.Forbidden("only the author may retract a message");
        await history.RemoveAsync(roomId, messageId, ct);
        await transcripts.RemoveAsync(roomId, messageId, ct);
        return message;
    }

    public Task<IReadOnlyList<string>> GetCollapsedTopicsAsync(Caller caller, CancellationToken ct = default)
        => preferences.GetCollapsedTopicsAsync(caller.UserId, ct);

    /// <summary>Replaces the caller's collapsed topics; returns what is stored.</summary>
    public async Task<IReadOnlyList<string>> SetCollapsedTopicsAsync(Caller caller, IEnumerable<string?>? topics, CancellationToken ct = default)
    {
        var validated = SensitiveTopics.Validate(topics, "collapsedTopics");
        await preferences.SetCollapsedTopicsAsync(caller.UserId, validated, ct);
        return validated;
    }
}
