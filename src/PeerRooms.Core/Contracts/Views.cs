using PeerRooms.Core.Disclosure;
using PeerRooms.Core.Live;

namespace PeerRooms.Core.Contracts;

/// <summary>
/// Maps domain records to what other people may see. The only place a participant becomes a wire
/// view, so nothing server-side (user id, claims) can leak by accident, and the only place personal
/// attributes are filtered by audience.
/// </summary>
public static class Views
{
    /// <summary>The view any participant may see: pseudonym, ids, role and <c>everyone</c> attributes only.</summary>
    public static ParticipantView ToView(this Participant p) => p.ToView(AttributeViewer.Participant);

    /// <summary>The view made for one kind of recipient; see <see cref="AttributeViewer"/>.</summary>
    public static ParticipantView ToView(this Participant p, AttributeViewer viewer) => new()
    {
        ParticipantId = p.ParticipantId,
        DisplayName = p.DisplayName,
        Role = p.RoomRole,
        Status = p.Status,
        Attributes = p.Attributes.Items.VisibleTo(viewer).Select(ToView).ToArray(),
    };

    /// <summary>The view of <paramref name="p"/> that <paramref name="viewer"/> may see.</summary>
    public static ParticipantView ToViewFor(this Participant p, Participant viewer) => p.ToView(ViewerOf(p, viewer));

    /// <summary>How <paramref name="viewer"/> relates to <paramref name="subject"/>.</summary>
    public static AttributeViewer ViewerOf(Participant subject, Participant viewer) =>
        subject.UserId == viewer.UserId ? AttributeViewer.Self
        : viewer.IsFacilitator ? AttributeViewer.Facilitator
        : AttributeViewer.Participant;

    public static AttributeView ToView(this PersonalAttribute a) => new() { Kind = a.Kind, Value = a.Value, Audience = a.Audience };

    public static MessageView ToView(this ChatMessage m, string roomId) => new()
    {
        RoomId = roomId,
        MessageId = m.MessageId,
        ClientMessageId = m.ClientMessageId,
        Sequence = m.Sequence,
        ParticipantId = m.SenderParticipantId,
        DisplayName = m.SenderDisplayName,
        Text = m.Text,
        SentAt = m.SentAt,
        ContentWarning = m.ContentWarning,
        Audience = m.Audience,
        SensitiveTopics = m.SensitiveTopics.Items,
    };

    public static SenderNoticeView ToView(this Chat.SenderNotice n) => new() { Kind = n.Kind, Text = n.Text, Detail = n.Detail };
}
