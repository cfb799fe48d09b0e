using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Core.Chat;

/// <summary>
/// What one send reads from live state before any rule runs: the sender's participant record
/// (<c>null</c> when not in the room), the receipt of the message this sender already stored under the
/// client message id (a retry; <c>null</c> otherwise) and the room's moderation state.
/// </summary>
public sealed record SendState(Participant? Sender, MessageReceipt? Original, RoomModeration Moderation);

/// <summary>
/// Reads a <see cref="SendState"/> in one go. Scaled out, that is one Redis round trip (one script over
/// the room's hash slot) instead of three (presence, dedupe, moderation). Every value is read fresh
/// from the stores for every send, never cached, so a mute, ban, pause or removal decided on any node
/// applies to the very next message; the values are those the stores' own reads would return
/// (<see cref="IPresenceStore.GetAsync"/>, <see cref="IHistoryStore.FindAsync"/>,
/// <see cref="IModerationStore.GetAsync"/>). Reading only: a send that is then refused changed nothing.
/// </summary>
public interface ISendStateReader
{
    Task<SendState> ReadAsync(string roomId, string userId, string clientMessageId, CancellationToken ct = default);
}
