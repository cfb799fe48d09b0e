namespace PeerRooms.Core.Live;

/// <summary>
/// A message as the live history keeps it. <see cref="Sequence"/> is assigned by the history store,
/// strictly increasing within a room's session, so clients can ask for what they missed.
/// </summary>
public sealed record ChatMessage
{
    public long Sequence { get; init; }
    public required string MessageId { get; init; }
    public required string ClientMessageId { get; init; }
    public required string SenderUserId { get; init; }
    public required string SenderParticipantId { get; init; }
    public required string SenderDisplayName { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset SentAt { get; init; }
    /// <summary>Who receives it: one of <see cref="Chat.MessageAudience"/>.</summary>
    public string Audience { get; init; } = Chat.MessageAudience.Everyone;
    /// <summary>The crisis scan asked for a content warning (room handling <c>deliver_with_warning</c>): clients blur it until tapped.</summary>
    public bool ContentWarning { get; init; }
    /// <summary>Content-warning topics chosen by the sender (<see cref="Disclosure.SensitiveTopics"/>); empty = none.</summary>
    public ValueList<string> SensitiveTopics { get; init; } = ValueList<string>.Empty;

    /// <summary>Whether <paramref name="viewer"/> may see this message (live or in history).</summary>
    public bool IsVisibleTo(Participant viewer) =>
        Audience == Chat.MessageAudience.Everyone || viewer.IsFacilitator || viewer.UserId == SenderUserId;
}
