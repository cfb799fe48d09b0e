// A room's WebRTC mesh video session on top of RoomsClient: joins the server's video session, keeps
// one PeerLink (RTCPeerConnection) per other member, owns the local camera and mic tracks, and obeys
// what the server says we may send (docs/protocol.md "Video"; VIDEO-PLAN.md "Client rules").
// Guarantees: a medium a facilitator forced off stops being sent at once (track replaced by null and
// stopped, transceiver recvonly, renegotiated) and is not resumed until the person turns it on again;
// a member who leaves video or the room has their connection closed; VideoRemoved, RoomClosed and
// leave() close every connection and stop every local track.
import { Emitter } from './emitter.js';
import { VideoEvents } from './video.js';
import { RoomEvents } from './events.js';
import { ModerationEvents } from './moderation.js';
import { PeerLink } from './video-peer.js';
import { MEDIA_KINDS, forcedOff, sendingState, isAudioOnly } from './video-rules.js';

/**
 * @typedef {object} VideoMeshOptions
 * @property {import('./rooms-client.js').RoomsClient} client a client that joined `roomId`
 * @property {string} roomId
 * @property {(config: RTCConfiguration) => RTCPeerConnection} [createPeerConnection] default `new RTCPeerConnection`
 * @property {(constraints: MediaStreamConstraints) => Promise<MediaStream>} [getUserMedia] default `navigator.mediaDevices.getUserMedia`
 */

export class VideoMesh extends Emitter {
  /** @type {Map<string, object>} other members' VideoMemberViews by participantId */
  members = new Map();
  /** @type {Map<string, PeerLink>} */
  #links = new Map();
  /** Our own VideoMemberView as the server last said it (what is granted). */
  self = null;
  /** What the person asked for with their toggles. */
  wanted = { audio: false, video: false };
  /** @type {{ audio: MediaStreamTrack | null, video: MediaStreamTrack | null }} */
  tracks = { audio: null, video: null };
  /** The room state's media entry for us (facilitator forced flags), from RoomStateChanged. */
  #roomMedia = null;
  #cameraMissing = false;
  #iceServers = [];
  #subscriptions = [];
  #joined = false;
  /** Events that arrived while JoinVideo was in flight (who we are is not known yet); replayed after. */
  #early = null;
  /** 'mesh' (peer connections here) or the SFU provider JoinVideo named. */
  provider = 'mesh';
  sfu = null;

  /** @param {VideoMeshOptions} options */
  constructor(options) {
    super();
    this.client = options.client;
    this.roomId = options.roomId;
    this.createPeerConnection = options.createPeerConnection ?? ((config) => new RTCPeerConnection(config));
    this.getUserMedia = options.getUserMedia ?? ((c) => navigator.mediaDevices.getUserMedia(c));
  }

  get joined() { return this.#joined; }
  get participantId() { return this.self?.participantId ?? ''; }
  /** What a facilitator forced off for us right now. */
  get forced() { return forcedOff(this.self, this.#roomMedia); }
  /** What we actually send right now. */
  get sending() { return sendingState(this.wanted, this.self, this.forced, this.tracks); }
  /** Camera wanted but not sent (mesh cap or no camera): we publish audio only. */
  get audioOnly() { return isAudioOnly(this.wanted, this.self, this.forced, this.#cameraMissing); }
  /** The RTCPeerConnection to a member (tests and diagnostics), or null. */
  peerConnection(participantId) { return this.#links.get(participantId)?.pc ?? null; }
  get peerIds() { return [...this.#links.keys()]; }

  /** Joins the room's video session (mic and camera off) and connects to everyone already in it. */
  async join() {
    if (this.#joined) return;
    this.#early = [];
    this.#subscribe();
    let response;
    try {
      response = await this.client.joinVideo(this.roomId);
    } catch (error) {
      this.#early = null;
      this.#unsubscribe();
      throw error;
    }
    this.#joined = true;
    this.#adopt(response);
    const early = this.#early;
    this.#early = null;
    for (const run of early) run();
    this.#changed();
  }

  /**
   * Asks to publish mic and/or camera. Resolves with what is sent; rejects with the server's refusal
   * (media_forced_off) having changed nothing. A refused camera (mesh cap) or a missing one leaves
   * audio only, which `audioOnly` reports.
   */
  async setPublishing({ audio, video }) {
    if (!this.#joined) throw new Error('join video first');
    let view = await this.client.setPublishing(this.roomId, audio, video);
    this.wanted = { audio: Boolean(audio), video: Boolean(video) };
    this.#cameraMissing = false;
    this.#adoptSelf(view);
    await this.#syncTracks();
    const micFailed = Boolean(audio && view.audio && !this.tracks.audio);
    const cameraFailed = Boolean(video && view.video && !this.tracks.video);
    if (micFailed || cameraFailed) {
      // No device (or permission refused): tell the server, so nobody waits for what we cannot send.
      // A missing camera leaves audio only; a missing mic is simply off (the person may retry).
      this.#cameraMissing = cameraFailed;
      if (micFailed) this.wanted = { ...this.wanted, audio: false };
      view = await this.client.setPublishing(this.roomId, Boolean(this.tracks.audio), Boolean(view.video && this.tracks.video)).catch(() => view);
      this.#adoptSelf(view);
    }
    this.#applyToPeers();
    this.#changed();
    return this.sending;
  }

  /** Leaves the video session: closes every connection, stops the camera and mic. */
  async leave() {
    const was = this.#joined;
    this.#close('left');
    if (was) await this.client.leaveVideo(this.roomId).catch(() => { });
  }

  // --- Server events -------------------------------------------------------------------------------

  #subscribe() {
    const c = this.client;
    const mine = (handler) => (e) => {
      if (e?.roomId !== this.roomId) return;
      if (this.#early) this.#early.push(() => handler(e));
      else if (this.#joined) handler(e);
    };
    this.#subscriptions = [
      // A join we already know of (listed in our JoinVideo answer while it raced their broadcast) keeps
      // its connection: a member who really left and came back was announced by VideoMemberLeft first.
      c.on(VideoEvents.VideoMemberJoined, mine((m) => this.#onMember(m))),
      c.on(VideoEvents.VideoMemberUpdated, mine((m) => this.#onMember(m))),
      c.on(VideoEvents.VideoMemberLeft, mine((m) => this.#onGone(m.participantId))),
      c.on(VideoEvents.Signal, mine((s) => this.#onSignal(s))),
      c.on(VideoEvents.VideoRemoved, mine((e) => this.#close(e.reason ?? 'removed_from_video'))),
      c.on(RoomEvents.RoomClosed, mine((e) => this.#close(e.reason ?? 'room_closed'))),
      // Whoever left the room (or went back to the lobby) is out of video too.
      c.on(RoomEvents.ParticipantLeft, mine((e) => this.#onGone(e.participantId))),
      c.on(ModerationEvents.ParticipantUpdated, mine((e) => { if (e.participant?.status === 'lobby') this.#onGone(e.participant.participantId); })),
      c.on(ModerationEvents.RoomStateChanged, mine((state) => this.#onRoomState(state))),
      // After a reconnect the server no longer knows this connection: join video again.
      c.on('rejoined', mine(() => this.#rejoin())),
    ];
  }

  #unsubscribe() {
    for (const off of this.#subscriptions.splice(0)) off();
  }

  #onMember(view) {
    if (view.participantId === this.participantId) {
      this.#adoptSelf(view);
      this.#obeyGrant();
    } else {
      this.members.set(view.participantId, view);
      this.#link(view.participantId);
    }
    this.#changed();
  }

  #onGone(participantId) {
    if (participantId === this.participantId || !participantId) return;
    const had = this.members.delete(participantId);
    const link = this.#links.get(participantId);
    this.#links.delete(participantId);
    link?.close();
    if (had || link) {
      this.emit('peerClosed', { participantId });
      this.#changed();
    }
  }

  #onSignal({ fromParticipantId, kind, payload }) {
    let link = this.#links.get(fromParticipantId);
    // An offer from someone we have not heard join yet: the server only relays between video members.
    if (!link && kind === 'offer') link = this.#link(fromParticipantId) ?? undefined;
    link?.receive(kind, payload);
  }

  #onRoomState(state) {
    const mine = state?.media?.find((m) => m.participantId === this.participantId) ?? null;
    this.#roomMedia = mine;
    this.#obeyGrant();
    this.#changed();
  }

  // --- Local media ---------------------------------------------------------------------------------

  /**
   * Stops what is no longer granted or is forced off, at once, and forgets the wish for it (after a
   * facilitator allows it again the person turns it back on themselves).
   */
  #obeyGrant() {
    const forced = this.forced;
    let dropped = false;
    for (const kind of MEDIA_KINDS) {
      // A camera the server stopped granting (mesh cap, someone spotlighted) stays wanted: audio-only.
      if (this.wanted[kind] && (forced[kind] || (kind === 'audio' && this.self?.audio === false))) {
        this.wanted = { ...this.wanted, [kind]: false };
        dropped = true;
      }
    }
    this.#applyToPeers(); // replaceTrack(null) + recvonly before the tracks stop
    this.#stopUnsent();
    // A server that has not caught up still lists the forced medium as published: tell it.
    if (dropped && this.self && ((forced.audio && this.self.audio) || (forced.video && this.self.video))) {
      this.client.setPublishing(this.roomId, this.wanted.audio, this.wanted.video).then((v) => this.#adoptSelf(v)).catch(() => { });
    }
  }

  async #syncTracks() {
    const forced = this.forced;
    const need = [];
    for (const kind of MEDIA_KINDS) {
      if (this.wanted[kind] && this.self?.[kind] && !forced[kind] && !this.tracks[kind]) need.push(kind);
    }
    for (const kind of need) {
      try {
        const stream = await this.getUserMedia({ [kind]: true });
        const track = stream.getTracks().find((t) => t.kind === kind) ?? null;
        if (!this.#joined || !this.sendingAllowed(kind)) { track?.stop(); continue; }
        this.tracks = { ...this.tracks, [kind]: track };
      } catch (error) {
        this.emit('error', { error, kind });
      }
    }
    this.#applyToPeers();
    this.#stopUnsent();
    this.emit('localTracks', { ...this.tracks });
  }

  /** Whether we may and want to send `kind` (ignoring whether a track exists yet). */
  sendingAllowed(kind) { return Boolean(this.wanted[kind] && this.self?.[kind] && !this.forced[kind]); }

  #stopUnsent() {
    let changed = false;
    for (const kind of MEDIA_KINDS) {
      const track = this.tracks[kind];
      if (track && !this.sendingAllowed(kind)) {
        track.stop();
        this.tracks = { ...this.tracks, [kind]: null };
        changed = true;
      }
    }
    if (changed) this.emit('localTracks', { ...this.tracks });
  }

  #applyToPeers() {
    for (const link of this.#links.values()) link.applyLocal();
  }

  // --- Connections ---------------------------------------------------------------------------------

  #adopt(response) {
    this.#adoptSelf(response.self);
    this.#iceServers = response.iceServers ?? [];
    this.provider = response.provider ?? 'mesh';
    /** With an SFU provider (`{ kind, url, token }`) media goes through it, not through this mesh. */
    this.sfu = response.sfu ?? null;
    for (const m of response.members ?? []) {
      if (m.participantId === this.participantId) continue;
      this.members.set(m.participantId, m);
      this.#link(m.participantId);
    }
  }

  #adoptSelf(view) {
    if (view) this.self = { ...this.self, ...view };
  }

  #link(participantId, { answerOnly = false } = {}) {
    let link = this.#links.get(participantId);
    if (link || this.provider !== 'mesh') return link ?? null;
    link = new PeerLink({
      selfId: this.participantId,
      participantId,
      answerOnly,
      onStaleOffer: (kind, payload) => {
        if (this.#links.get(participantId) !== link) return;
        this.#dropLink(participantId);
        this.#link(participantId, { answerOnly: true }).receive(kind, payload);
      },
      pc: this.createPeerConnection({ iceServers: this.#iceServers }),
      send: (kind, payload) => this.client.sendSignal(this.roomId, participantId, kind, payload),
      local: () => ({ sending: this.sending, tracks: this.tracks }),
      onTrack: (track) => this.emit('remoteTrack', { participantId, track }),
      onState: (state) => this.emit('peerState', { participantId, state }),
      onError: (error) => this.emit('error', { error, participantId }),
    });
    this.#links.set(participantId, link);
    this.emit('peerAdded', { participantId });
    return link;
  }

  async #rejoin() {
    const wanted = this.wanted;
    this.#closeLinks();
    this.members.clear();
    try {
      // Leave first (if the server still lists us) so everyone sees us leave and join again and
      // starts a fresh connection to us, whichever side is polite.
      await this.client.leaveVideo(this.roomId).catch(() => { });
      this.#adopt(await this.client.joinVideo(this.roomId));
      if (wanted.audio || wanted.video) await this.setPublishing(wanted);
    } catch (error) {
      this.emit('error', { error });
      this.#close('rejoin_failed');
      return;
    }
    this.#changed();
  }

  #dropLink(participantId) {
    const link = this.#links.get(participantId);
    if (!link) return;
    this.#links.delete(participantId);
    link.close();
    this.emit('peerClosed', { participantId });
  }

  #closeLinks() {
    for (const [participantId, link] of [...this.#links]) {
      this.#links.delete(participantId);
      link.close();
      this.emit('peerClosed', { participantId });
    }
  }

  #close(reason) {
    if (!this.#joined) return;
    this.#joined = false;
    this.#unsubscribe();
    this.#closeLinks();
    this.members.clear();
    this.wanted = { audio: false, video: false };
    for (const kind of MEDIA_KINDS) this.tracks[kind]?.stop();
    this.tracks = { audio: null, video: null };
    this.emit('localTracks', { ...this.tracks });
    this.emit('closed', { reason });
    this.#changed();
  }

  #changed() { this.emit('changed', undefined); }
}
