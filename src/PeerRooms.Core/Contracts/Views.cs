using PeerRooms.Core.Live;

namespace PeerRooms.Core.Contracts;

/// <summary>
/// Maps domain records to what other people may see. The only place a participant becomes a wire
/// view, so nothing server-side (user id, claims) can leak by accident.
/// </summary>
public static class Views
{
    public static ParticipantView ToView(this Participant p) => new()
    {
        ParticipantId = p.ParticipantId,
        DisplayName = p.DisplayName,
        Role = p.RoomRole,
        Status = p.Status,
    };

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
    };
}
