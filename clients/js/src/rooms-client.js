// The rooms hub client: one method per hub method, one event per server event, and the room
// bookkeeping that makes reconnects invisible (rejoin, fetch what was missed, drop duplicates).
import { HubClient } from './hub-client.js';
import { RoomEvents, ClientEvents, HubPaths } from './events.js';
import { isTerminalReason } from './close-reasons.js';
import { newClientMessageId } from './ids.js';
import { ModerationEvents, moderationMethods } from './moderation.js';
import { RoomCrisisEvents, roomCrisisMethods } from './crisis.js';
import { DisclosureEvents, disclosureMethods } from './disclosure.js';
import { SecurityEvents } from './security.js';
import { VideoEvents, videoMethods } from './video.js';

/** How many message ids per room are remembered to drop duplicates (replays overlap live events). */
const SEEN_LIMIT = 2000;

/** Join errors after which rejoining can never work; the room is forgotten. */
const FINAL_JOIN_ERRORS = new Set(['banned', 'not_found', 'room_archived', 'forbidden', 'invalid_display_name', 'display_name_taken', 'guidelines_not_accepted', 'room_full']);

/** @typedef {import('./index.js').JoinRoomRequest} JoinRoomRequest */

class JoinedRoom {
  /** @param {JoinRoomRequest} request */
  constructor(request) {
    this.request = request;
    this.participantId = '';
    this.status = '';
    this.lastSequence = 0;
    /** @type {Set<string>} */
    this.seen = new Set();
  }

  /** Records a message; false when it was already seen. */
  accept(message) {
    if (this.seen.has(message.messageId)) return false;
    this.seen.add(message.messageId);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value);
    if (message.sequence > this.lastSequence) this.lastSequence = message.sequence;
    return true;
  }

  adopt(response) {
    this.participantId = response.participantId;
    this.status = response.status;
  }
}

export class RoomsClient extends HubClient {
  /** @type {Map<string, JoinedRoom>} */
  #rooms = new Map();
  /** Risk alerts are delivered at least once: each dedupKey is emitted once. */
  #seenAlerts = new Set();

  /** @param {import('./hub-client.js').HubClientOptions} options */
  constructor(options) {
    super(HubPaths.Rooms, [...Object.values(RoomEvents), ...Object.values(ModerationEvents), ...Object.values(RoomCrisisEvents), ...Object.values(DisclosureEvents), ...Object.values(SecurityEvents), ...Object.values(VideoEvents)], options);
  }

  /** Room ids this client is in (and will rejoin after a reconnect). */
  get roomIds() { return [...this.#rooms.keys()]; }

  /** The highest message sequence seen in a room (0 before any). */
  lastSequence(roomId) { return this.#rooms.get(roomId)?.lastSequence ?? 0; }

  // --- Hub methods -------------------------------------------------------------------------------

  /**
   * Joins a room. The response's history is recorded, so later events and replays skip it.
   * @param {JoinRoomRequest} request
   */
  async joinRoom(request) {
    const response = await this.invoke('JoinRoom', request);
    const room = this.#rooms.get(response.roomId) ?? new JoinedRoom(request);
    room.request = request;
    room.adopt(response);
    for (const m of response.history ?? []) room.accept(m);
    this.#rooms.set(response.roomId, room);
    return response;
  }

  /** Leaves a room; the client forgets it (no rejoin). */
  async leaveRoom(roomId) {
    const had = this.#rooms.delete(roomId);
    try {
      await this.invoke('LeaveRoom', roomId);
    } catch (error) {
      // Leaving a room the server already took us out of is not an error for the app.
      if (!(had && (error.code === 'not_member' || error.code === 'disconnected'))) throw error;
    }
  }

  /**
   * Sends a message. Safe to retry: the clientMessageId (generated when absent) makes the server
   * store it once, so a call cut off by a reconnect is retried with the same id.
   * @param {{ roomId: string, text: string, clientMessageId?: string }} request
   */
  sendMessage(request) {
    const full = { ...request, clientMessageId: request.clientMessageId ?? newClientMessageId() };
    return this.invokeIdempotent('SendMessage', [full]);
  }

  /** Tells the room whether the caller is typing. */
  setTyping(roomId, typing) { return this.invoke('SetTyping', roomId, Boolean(typing)); }

  /**
   * Messages after `afterSequence` (oldest first). Each is also recorded as seen.
   * @returns {Promise<import('./index.js').MessageView[]>}
   */
  async getHistory(roomId, afterSequence = 0) {
    const messages = await this.invokeIdempotent('GetHistory', [roomId, afterSequence]);
    const room = this.#rooms.get(roomId);
    if (room) for (const m of messages) room.accept(m);
    return messages;
  }

  /** @returns {Promise<import('./index.js').ParticipantView[]>} */
  getRoster(roomId) { return this.invokeIdempotent('GetRoster', [roomId]); }

  // --- Events ------------------------------------------------------------------------------------

  /** @protected */
  handleServerEvent(event, payload) {
    if (event === RoomEvents.MessageReceived) {
      const room = this.#rooms.get(payload?.roomId);
      if (room && !room.accept(payload)) return; // a duplicate of a replayed message
    } else if (event === RoomCrisisEvents.RiskAlert) {
      if (this.#seenAlerts.has(payload?.dedupKey)) return;
      this.#seenAlerts.add(payload?.dedupKey);
      if (this.#seenAlerts.size > SEEN_LIMIT) this.#seenAlerts.delete(this.#seenAlerts.values().next().value);
    } else if (event === ModerationEvents.ParticipantUpdated) {
      // Admitted from (or sent back to) the lobby: a rejoin after a reconnect must know.
      const room = this.#rooms.get(payload?.roomId);
      if (room && payload.participant?.participantId === room.participantId) room.status = payload.participant.status;
    } else if (event === RoomEvents.RoomClosed) {
      const terminal = isTerminalReason(payload?.reason, payload?.terminal);
      if (terminal) this.#rooms.delete(payload.roomId);
      else if (this.#rooms.has(payload?.roomId)) this.#rejoinLater(payload.roomId).catch(() => { });
      super.handleServerEvent(event, { ...payload, terminal });
      return;
    }
    super.handleServerEvent(event, payload);
  }

  /**
   * After a reconnect the server knows nothing of this connection: join every room again with the
   * same request, then fetch what was sent while we were away and emit it as MessageReceived.
   * @protected
   */
  async afterReconnect() {
    for (const roomId of this.roomIds) {
      if (!(await this.#rejoin(roomId))) return; // the connection dropped again; the loop retries
    }
  }

  /** Rejoins one room; false when the connection dropped meanwhile. */
  async #rejoin(roomId) {
    const room = this.#rooms.get(roomId);
    if (!room) return true;
    let response;
    try {
      response = await this.invoke('JoinRoom', room.request);
    } catch (error) {
      if (error.code === 'disconnected') return false;
      if (FINAL_JOIN_ERRORS.has(error.code)) this.#rooms.delete(roomId);
      this.emit(ClientEvents.RejoinFailed, { roomId, error });
      return true;
    }
    room.adopt(response);
    let replay = response.history ?? [];
    // The join history holds only the newest messages: ask for everything after the last one seen.
    if (response.status === 'room') {
      try {
        replay = [...replay, ...await this.invoke('GetHistory', roomId, room.lastSequence)];
      } catch (error) {
        if (error.code === 'disconnected') return false;
      }
    }
    const missed = replay.sort((a, b) => a.sequence - b.sequence).filter((m) => room.accept(m));
    this.emit(ClientEvents.Rejoined, { roomId, response, missed });
    for (const m of missed) super.handleServerEvent(RoomEvents.MessageReceived, m);
    return true;
  }

  /** A non-terminal close (node_shutdown) while still connected: come back after a short wait. */
  async #rejoinLater(roomId) {
    await this.wait(this.backoff(0));
    if (this.state === 'connected' && this.#rooms.has(roomId)) await this.#rejoin(roomId);
  }
}

// Facilitator tools: one method per hub method (src/moderation.js).
Object.assign(RoomsClient.prototype, moderationMethods);
// Crisis escalation on the rooms hub (src/crisis.js).
Object.assign(RoomsClient.prototype, roomCrisisMethods);
// Safe disclosure (src/disclosure.js).
Object.assign(RoomsClient.prototype, disclosureMethods);
// Video session and signalling (src/video.js; the mesh is src/video-mesh.js).
Object.assign(RoomsClient.prototype, videoMethods);
