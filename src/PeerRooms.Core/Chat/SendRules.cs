using PeerRooms.Core.Contracts;
using PeerRooms.Core.Identity;
using PeerRooms.Core.Live;
using PeerRooms.Core.Rooms;

namespace PeerRooms.Core.Chat;

/// <summary>Who receives a stored message.</summary>
public static class MessageAudience
{
    /// <summary>Every admitted member of the room.</summary>
    public const string Everyone = "everyone";
    /// <summary>The room's facilitators (and crisis staff on an open escalation).</summary>
    public const string Facilitators = "facilitators";
    /// <summary>Held for facilitator review: facilitators see it, others do not until released.</summary>
    public const string Held = "held";
}

/// <summary>
/// A message on its way in. Send rules run in ascending order before the message is stored: they
/// may refuse it (throw), transform it (redaction), or change who receives it; they may also queue
/// private notices for the sender (e.g. "we masked a phone number").
/// </summary>
public sealed class SendContext(Caller caller, Room room, Participant sender, SendMessageRequest request, ChatMessage draft)
{
    public Caller Caller { get; } = caller;
    public Room Room { get; } = room;
    public Participant Sender { get; } = sender;
    public SendMessageRequest Request { get; } = request;
    public ChatMessage Message { get; set; } = draft;
    /// <summary>Notices shown only to the sender, as (kind, text) pairs.</summary>
    public List<SenderNotice> Notices { get; } = [];
    /// <summary>Anything a rule wants to hand to observers (e.g. a crisis scan result).</summary>
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A private note to the sender about their own message. <see cref="Kind"/> is machine-readable
/// (e.g. <c>pii_masked</c>, <c>language_nudge</c>), <see cref="Text"/> is ready to show, and
/// <see cref="Detail"/> says what it is about (e.g. <c>phone</c>, or the term found).
/// </summary>
public sealed record SenderNotice(string Kind, string Text, string? Detail = null);

public interface ISendRule
{
    int Order { get; }
    ValueTask ApplyAsync(SendContext context, CancellationToken ct);
}

/// <summary>
/// Told about each stored, non-duplicate message after it was fanned out (crisis escalation,
/// metrics, ...). Observers must not throw for ordinary failures: the message is already delivered.
/// </summary>
public interface IMessageObserver
{
    ValueTask OnMessageStoredAsync(SendContext context, CancellationToken ct);
}
