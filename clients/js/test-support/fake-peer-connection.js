// A stand-in for RTCPeerConnection with just the behaviour the mesh relies on: transceivers with
// directions, offer/answer state (stable, have-local-offer, have-remote-offer, implicit rollback),
// negotiationneeded when a direction differs from what was last agreed, and close(). The "SDP" is
// one line per m-section ("m=audio sendrecv"), enough to check what an offer says it sends.

let trackIds = 0;

/** A local media track (getUserMedia stand-in). */
export class FakeTrack {
  constructor(kind) { this.kind = kind; this.id = `t${++trackIds}`; this.readyState = 'live'; }
  stop() { this.readyState = 'ended'; }
}

/** getUserMedia stand-in: records requests; `missing` kinds reject like a machine without a camera. */
export function fakeGetUserMedia({ missing = [] } = {}) {
  const fn = async (constraints) => {
    fn.requests.push(constraints);
    const kinds = Object.keys(constraints).filter((k) => constraints[k]);
    if (kinds.some((k) => missing.includes(k))) throw Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' });
    const tracks = kinds.map((k) => new FakeTrack(k));
    fn.tracks.push(...tracks);
    return { getTracks: () => tracks };
  };
  fn.requests = [];
  fn.tracks = [];
  return fn;
}

class FakeTransceiver {
  #direction;
  constructor(pc, kind, direction) {
    this.pc = pc;
    this.kind = kind;
    this.#direction = direction;
    this.mid = null;
    this.currentDirection = null;
    /** The direction in our last local description. */
    this.negotiated = null;
    this.stopped = false;
    const sender = { track: null, replaced: [], replaceTrack: async (t) => { sender.track = t; sender.replaced.push(t); } };
    this.sender = sender;
    this.receiver = { track: { kind, id: `remote-${kind}-${++trackIds}` } };
  }

  get direction() { return this.#direction; }
  set direction(value) { this.#direction = value; this.pc.checkNegotiation(); }
}

const REVERSE = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' };

/** The answer's direction for an m-section: what both sides agree to (RFC 3264). */
function answerDirection(offered, local) {
  const theySend = offered === 'sendrecv' || offered === 'sendonly';
  const theyReceive = offered === 'sendrecv' || offered === 'recvonly';
  const weSend = (local === 'sendrecv' || local === 'sendonly') && theyReceive;
  const weReceive = (local === 'sendrecv' || local === 'recvonly') && theySend;
  return weSend && weReceive ? 'sendrecv' : weSend ? 'sendonly' : weReceive ? 'recvonly' : 'inactive';
}

export function sdpOf(transceivers, fingerprint) {
  return [`a=fingerprint:${fingerprint}`, ...transceivers.map((t) => `m=${t.kind} ${t.direction}`)].join('\n');
}

/** The m-sections of a fake SDP: [{ kind, direction }]. */
export function parseSdp(sdp) {
  return sdp.split('\n').filter((line) => line.startsWith('m=')).map((line) => { const [, kind, direction] = /^m=(\w+) (\w+)$/.exec(line); return { kind, direction }; });
}

/** Which connection wrote an SDP (a new connection has a new DTLS fingerprint). */
export function fingerprintOf(sdp) { return /^a=fingerprint:(\S+)/m.exec(sdp)?.[1] ?? null; }

let fingerprints = 0;

export class FakePeerConnection {
  static created = [];

  constructor(config) {
    this.config = config;
    this.signalingState = 'stable';
    this.connectionState = 'new';
    this.iceConnectionState = 'new';
    this.localDescription = null;
    this.remoteDescription = null;
    /** @type {FakeTransceiver[]} */
    this.transceivers = [];
    this.candidates = [];
    this.onnegotiationneeded = null;
    this.onicecandidate = null;
    this.ontrack = null;
    this.onconnectionstatechange = null;
    this.oniceconnectionstatechange = null;
    this.negotiationsFired = 0;
    this.fingerprint = `fp${++fingerprints}`;
    this.#pendingCheck = false;
    FakePeerConnection.created.push(this);
  }

  #pendingCheck;

  addTransceiver(kind, { direction = 'sendrecv' } = {}) {
    const t = new FakeTransceiver(this, kind, direction);
    this.transceivers.push(t);
    this.checkNegotiation();
    return t;
  }

  getTransceivers() { return [...this.transceivers]; }

  /** Like the browser: negotiationneeded fires (as a task) when stable and something differs. */
  checkNegotiation() {
    if (this.#pendingCheck || this.signalingState === 'closed') return;
    this.#pendingCheck = true;
    setImmediate(() => {
      this.#pendingCheck = false;
      if (this.signalingState !== 'stable') return;
      if (this.transceivers.some((t) => t.mid === null || t.negotiated !== t.direction)) {
        this.negotiationsFired++;
        this.onnegotiationneeded?.();
      }
    });
  }

  async setLocalDescription(description) {
    await Promise.resolve();
    this.#open();
    if (description?.type === 'rollback') {
      if (this.signalingState !== 'have-local-offer') throw new Error('InvalidStateError: nothing to roll back');
      this.signalingState = 'stable';
      this.localDescription = this.previousLocal ?? null;
      this.checkNegotiation();
      return;
    }
    if (this.signalingState === 'stable') {
      this.transceivers.forEach((t, i) => { t.mid ??= String(i); });
      this.previousLocal = this.localDescription;
      this.localDescription = { type: 'offer', sdp: sdpOf(this.transceivers, this.fingerprint) };
      for (const t of this.transceivers) t.negotiated = t.direction;
      this.signalingState = 'have-local-offer';
      this.#gather();
      return;
    }
    if (this.signalingState === 'have-remote-offer') {
      const offered = parseSdp(this.remoteDescription.sdp);
      const answered = this.transceivers.map((t, i) => ({ kind: t.kind, direction: answerDirection(offered[i]?.direction ?? 'inactive', t.direction) }));
      this.localDescription = { type: 'answer', sdp: [`a=fingerprint:${this.fingerprint}`, ...answered.map((m) => `m=${m.kind} ${m.direction}`)].join('\n') };
      this.transceivers.forEach((t, i) => { t.negotiated = t.direction; t.currentDirection = answered[i].direction; });
      this.signalingState = 'stable';
      this.#gather();
      this.#connected();
      this.checkNegotiation();
      return;
    }
    throw new Error(`InvalidStateError: setLocalDescription in ${this.signalingState}`);
  }

  async setRemoteDescription(description) {
    await Promise.resolve();
    this.#open();
    const sections = parseSdp(description.sdp);
    const fingerprint = fingerprintOf(description.sdp);
    if (this.remoteDescription && fingerprint && fingerprintOf(this.remoteDescription.sdp) !== fingerprint) {
      throw new Error('InvalidAccessError: the remote DTLS fingerprint changed');
    }
    if (description.type === 'offer') {
      if (this.signalingState === 'have-local-offer') { this.signalingState = 'stable'; this.localDescription = this.previousLocal ?? null; } // implicit rollback
      if (this.signalingState !== 'stable') throw new Error(`InvalidStateError: offer in ${this.signalingState}`);
      sections.forEach((m, i) => {
        let t = this.transceivers[i];
        if (!t) { t = new FakeTransceiver(this, m.kind, 'recvonly'); this.transceivers.push(t); }
        t.mid = String(i);
        if (m.direction === 'sendrecv' || m.direction === 'sendonly') this.ontrack?.({ track: t.receiver.track, transceiver: t });
      });
      this.remoteDescription = description;
      this.signalingState = 'have-remote-offer';
      return;
    }
    if (this.signalingState !== 'have-local-offer') throw new Error(`InvalidStateError: answer in ${this.signalingState}`);
    this.remoteDescription = description;
    sections.forEach((m, i) => {
      const t = this.transceivers[i];
      t.currentDirection = REVERSE[m.direction];
      if (m.direction === 'sendrecv' || m.direction === 'sendonly') this.ontrack?.({ track: t.receiver.track, transceiver: t });
    });
    this.signalingState = 'stable';
    this.#connected();
    this.checkNegotiation();
  }

  async addIceCandidate(candidate) {
    await Promise.resolve();
    if (!this.remoteDescription) throw new Error('InvalidStateError: no remote description');
    this.candidates.push(candidate ?? null);
  }

  restartIce() { this.restarted = true; }

  close() {
    this.signalingState = 'closed';
    this.connectionState = 'closed';
  }

  /** The directions our local description says for each m-section. */
  localDirections() { return this.localDescription ? parseSdp(this.localDescription.sdp) : []; }

  #open() { if (this.signalingState === 'closed') throw new Error('InvalidStateError: closed'); }

  #gather() {
    setImmediate(() => { if (this.signalingState !== 'closed') this.onicecandidate?.({ candidate: { toJSON: () => ({ candidate: 'candidate:1 1 udp 1 192.0.2.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 }) } }); });
  }

  #connected() {
    if (this.connectionState === 'connected') return;
    this.connectionState = 'connected';
    this.onconnectionstatechange?.();
  }
}
