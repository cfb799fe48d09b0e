using PeerRooms.Core.Contracts;

namespace PeerRooms.Client;

/// <summary>A room the client joined again by itself after a reconnect.</summary>
/// <param name="Response">The server's answer to the rejoin (new participant id, current roster).</param>
/// <param name="MissedMessages">How many messages sent while disconnected were raised as <see cref="PeerRoomsClient.MessageReceived"/>.</param>
/// <param name="SessionRestarted">
/// The room's session restarted while the client was away (sequence numbers started again); the
/// missed messages are those of the new session only.
/// </param>
public sealed record RoomRejoined(JoinRoomResponse Response, int MissedMessages, bool SessionRestarted);

/// <summary>
/// A room the client could not rejoin after a reconnect (e.g. it was archived or the user was banned
/// meanwhile). The client stopped tracking the room.
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="Error">Why the server refused.</param>
public sealed record RoomRejoinFailed(string RoomId, PeerRoomsHubException Error);
