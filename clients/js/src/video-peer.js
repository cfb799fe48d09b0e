// One RTCPeerConnection to one other video member, negotiated with the "perfect negotiation"
// pattern (W3C WebRTC 1.0 §10.7 example): either side may renegotiate at any time; on a collision
// the polite side rolls back its offer and takes the other's, the impolite side ignores the other's.
// Signals for this peer are handled one at a time, in the order they arrived.
import { MEDIA_KINDS, createsTransceivers, isPolite, parseSignal, transceiverDirection } from './video-rules.js';

/**
 * @typedef {object} PeerLinkOptions
 * @property {string} selfId our participantId
 * @property {string} participantId theirs
 * @property {RTCPeerConnection} pc from the mesh's factory
 * @property {(kind: 'offer'|'answer'|'ice', payload: string) => Promise<unknown>} send SendSignal to them
 * @property {() => { sending: { audio: boolean, video: boolean }, tracks: { audio?: MediaStreamTrack|null, video?: MediaStreamTrack|null } }} local
 *   what we send right now (read before every offer and answer)
 * @property {(track: MediaStreamTrack) => void} onTrack a remote track arrived
 * @property {(state: string) => void} onState connectionState changed
 * @property {(error: unknown) => void} onError
 * @property {(kind: 'offer', payload: string) => void} [onStaleOffer] an offer this connection cannot take
 *   (the other side started a new connection: new DTLS fingerprint); the mesh replaces this link
 * @property {boolean} [answerOnly] never add transceivers (a replacement link fed the other's offer)
 */

export class PeerLink {
  #makingOffer = false;
  #ignoreOffer = false;
  #settingRemoteAnswer = false;
  #queue = Promise.resolve();
  #closed = false;

  /** @param {PeerLinkOptions} options */
  constructor(options) {
    this.options = options;
    this.participantId = options.participantId;
    this.polite = isPolite(options.selfId, options.participantId);
    /** @type {RTCPeerConnection} */
    this.pc = options.pc;
    const pc = this.pc;
    pc.onnegotiationneeded = () => this.#negotiate();
    pc.onicecandidate = ({ candidate }) => {
      // End of candidates needs no signal: the remote side does not wait for it.
      if (candidate && !this.#closed) this.#send('ice', JSON.stringify(typeof candidate.toJSON === 'function' ? candidate.toJSON() : candidate));
    };
    pc.ontrack = ({ track }) => { if (!this.#closed) options.onTrack(track); };
    pc.onconnectionstatechange = () => options.onState(pc.connectionState);
    // A path that died (network change) comes back with an ICE restart, not a new connection.
    pc.oniceconnectionstatechange = () => { if (pc.iceConnectionState === 'failed' && !this.#closed) pc.restartIce?.(); };
    if (!options.answerOnly && createsTransceivers(options.selfId, options.participantId)) {
      for (const kind of MEDIA_KINDS) pc.addTransceiver(kind, { direction: 'recvonly' });
      this.applyLocal();
    }
  }

  get closed() { return this.#closed; }

  /** The transceiver carrying `kind` (absent on the polite side until the first offer arrived). */
  transceiver(kind) {
    return this.pc.getTransceivers().find((t) => !t.stopped && t.currentDirection !== 'stopped' && t.receiver?.track?.kind === kind) ?? null;
  }

  /**
   * Puts what we send into the transceivers: the track (or null) first, so a medium turned off stops
   * at once, then the direction; a direction change makes the browser fire negotiationneeded and
   * #negotiate sends the new offer.
   */
  applyLocal() {
    if (this.#closed) return;
    const { sending, tracks } = this.options.local();
    for (const kind of MEDIA_KINDS) {
      const t = this.transceiver(kind);
      if (!t) continue;
      const track = sending[kind] ? tracks[kind] ?? null : null;
      if (t.sender.track !== track) t.sender.replaceTrack(track).catch((e) => this.options.onError(e));
      const direction = transceiverDirection(sending[kind]);
      if (t.direction !== direction) t.direction = direction;
    }
  }

  /** Handles a relayed signal from this peer (queued behind the ones before it). */
  receive(kind, payload) {
    const next = this.#queue.then(() => this.#receive(kind, payload)).catch((e) => { if (!this.#closed) this.options.onError(e); });
    this.#queue = next;
    return next;
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    const pc = this.pc;
    pc.onnegotiationneeded = pc.onicecandidate = pc.ontrack = pc.onconnectionstatechange = pc.oniceconnectionstatechange = null;
    try { pc.close(); } catch { /* already closed */ }
  }

  async #receive(kind, payload) {
    if (this.#closed) return;
    const signal = parseSignal(kind, payload);
    if (!signal) return; // not what the kind says: ignore rather than break the connection
    const pc = this.pc;
    if (kind === 'ice') {
      try {
        await pc.addIceCandidate(signal.candidate ?? undefined);
      } catch (error) {
        if (!this.#ignoreOffer) throw error; // candidates of an offer we ignored are expected to fail
      }
      return;
    }
    const description = signal.description;
    const readyForOffer = !this.#makingOffer && (pc.signalingState === 'stable' || this.#settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.#ignoreOffer = !this.polite && collision;
    if (this.#ignoreOffer) return;
    this.#settingRemoteAnswer = description.type === 'answer';
    try {
      await pc.setRemoteDescription(description); // a polite collision rolls back our offer implicitly
    } catch (error) {
      // An offer from a connection the other side started afresh (they rejoined while we kept the old
      // one) cannot apply here: hand it to the mesh, which starts a new connection with it.
      if (description.type === 'offer' && pc.remoteDescription && this.options.onStaleOffer) { this.options.onStaleOffer(kind, payload); return; }
      throw error;
    } finally {
      this.#settingRemoteAnswer = false;
    }
    if (description.type !== 'offer') return;
    // The offer may have created our transceivers (polite side): set what we send before answering,
    // so the answer never says sendrecv for a medium we may not send.
    this.applyLocal();
    await pc.setLocalDescription();
    await this.#sendDescription();
  }

  async #negotiate() {
    if (this.#closed) return;
    try {
      this.#makingOffer = true;
      this.applyLocal();
      await this.pc.setLocalDescription();
      await this.#sendDescription();
    } catch (error) {
      if (this.#closed) return;
      // The server refused the offer (e.g. media_forced_off raced our own update): roll it back; the
      // browser asks to negotiate again once the directions differ from what was agreed.
      if (this.pc.signalingState === 'have-local-offer') await this.pc.setLocalDescription({ type: 'rollback' }).catch(() => { });
      this.options.onError(error);
    } finally {
      this.#makingOffer = false;
    }
  }

  async #sendDescription() {
    const d = this.pc.localDescription;
    if (!d || this.#closed) return;
    await this.options.send(d.type, JSON.stringify({ type: d.type, sdp: d.sdp }));
  }

  #send(kind, payload) {
    this.options.send(kind, payload).catch((e) => { if (!this.#closed) this.options.onError(e); });
  }
}
