using PeerRooms.Core.Chat;
using PeerRooms.Core.Live;
using PeerRooms.Core.Moderation;

namespace PeerRooms.Server.State;

/// <summary>
/// A send's state on a single node: the three in-memory stores' own reads, one after the other (each
/// is a dictionary lookup, so there is no round trip to save). Same answers as
/// <see cref="Redis.RedisSendStateReader"/> gives over Redis.
/// </summary>
public sealed class InMemorySendStateReader(IPresenceStore presence, IHistoryStore history, IModerationStore moderation) : ISendStateReader
{
    public async Task<SendState> ReadAsync(string roomId, string userId, string clientMessageId, CancellationToken ct = default)
        => new(await presence.GetAsync(roomId, userId, ct),
            await history.FindAsync(roomId, userId, clientMessageId, ct),
            await moderation.GetAsync(roomId, ct));
}
