import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomsClient, VideoMesh } from '../src/index.js';
import { fakeOptions, hubError } from '../test-support/fake-connection.js';
import { FakePeerConnection, fakeGetUserMedia, parseSdp } from '../test-support/fake-peer-connection.js';

const ROOM = 'r';
const view = (participantId, extra = {}) => ({ roomId: ROOM, participantId, audio: false, video: false, micForcedOff: false, cameraForcedOff: false, spotlight: false, ...extra });

/** A connected RoomsClient over a fake connection whose server answers the video methods. */
async function person(participantId, { members = [], cap = true, missing = [] } = {}) {
  const { fake, options } = fakeOptions();
  const client = new RoomsClient(options);
  const conn = fake.connection;
  conn.answers.set('JoinVideo', (roomId) => ({ roomId, self: view(participantId), members: [view(participantId), ...members.map((m) => view(m))], iceServers: [{ urls: ['stun:stun.example'] }], maxVideoPublishers: 8 }));
  conn.answers.set('SetPublishing', (roomId, audio, video) => view(participantId, { audio, video: video && cap }));
  conn.answers.set('SendSignal', () => undefined);
  await client.start();
  const getUserMedia = fakeGetUserMedia({ missing });
  const mesh = new VideoMesh({ client, roomId: ROOM, createPeerConnection: (c) => new FakePeerConnection(c), getUserMedia });
  return { participantId, client, conn, mesh, getUserMedia };
}

/** Relays SendSignal from one person to the other as the server would (a Signal event, later). */
function relay(from, to) {
  from.conn.answers.set('SendSignal', (roomId, toId, kind, payload) => {
    assert.equal(toId, to.participantId);
    setImmediate(() => to.conn.push('Signal', { roomId, fromParticipantId: from.participantId, kind, payload }));
  });
}

/** Waits (on the event loop, bounded) until the condition holds. */
async function until(condition, what) {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setImmediate(r));
  }
  assert.fail(`never happened: ${what}`);
}

/** Two people in a video session, connected through the relay: a is polite (p_a < p_b). */
async function pair() {
  const a = await person('p_a');
  const b = await person('p_b', { members: ['p_a'] });
  relay(a, b);
  relay(b, a);
  await a.mesh.join();
  await b.mesh.join();
  a.conn.push('VideoMemberJoined', view('p_b'));
  const pa = a.mesh.peerConnection('p_b');
  const pb = b.mesh.peerConnection('p_a');
  await until(() => pa.remoteDescription && pb.remoteDescription && pa.signalingState === 'stable' && pb.signalingState === 'stable', 'first negotiation');
  return { a, b, pa, pb };
}

const stable = (...pcs) => () => pcs.every((pc) => pc.signalingState === 'stable');
const directions = (pc) => Object.fromEntries(parseSdp(pc.localDescription.sdp).map((m) => [m.kind, m.direction]));

test('joining connects to every member: the impolite side adds audio+video transceivers (recvonly) and offers', async () => {
  const { a, b, pa, pb } = await pair();
  assert.deepEqual(pb.config, { iceServers: [{ urls: ['stun:stun.example'] }] }, 'the ICE servers from JoinVideo');
  assert.deepEqual(pb.transceivers.map((t) => [t.kind, t.direction]), [['audio', 'recvonly'], ['video', 'recvonly']]);
  assert.deepEqual(pa.transceivers.map((t) => t.kind), ['audio', 'video'], 'the polite side got its m-lines from the offer');
  assert.equal(b.conn.callsTo('SendSignal')[0].args[2], 'offer');
  assert.equal(a.conn.callsTo('SendSignal')[0].args[2], 'answer');
  await until(() => pa.candidates.length > 0 && pb.candidates.length > 0, 'ICE candidates relayed both ways');
  assert.deepEqual(a.mesh.peerIds, ['p_b']);
  assert.deepEqual(b.mesh.peerIds, ['p_a']);
});

test('publishing: granted mic and camera are captured, sent sendrecv and renegotiated; the other side gets the tracks', async () => {
  const { a, b, pa, pb } = await pair();
  const remote = [];
  b.mesh.on('remoteTrack', (e) => remote.push([e.participantId, e.track.kind]));
  const sending = await a.mesh.setPublishing({ audio: true, video: true });
  assert.deepEqual(sending, { audio: true, video: true });
  assert.deepEqual(a.conn.callsTo('SetPublishing').at(-1).args, [ROOM, true, true]);
  assert.deepEqual(a.getUserMedia.tracks.map((t) => t.kind).sort(), ['audio', 'video']);
  await until(() => stable(pa, pb)() && directions(pa).audio === 'sendrecv' && directions(pa).video === 'sendrecv', 'renegotiated sendrecv');
  assert.deepEqual(pa.transceivers.map((t) => t.sender.track?.kind), ['audio', 'video']);
  assert.deepEqual(remote.map(([p]) => p), ['p_a', 'p_a']);
  assert.deepEqual(remote.map(([, k]) => k).sort(), ['audio', 'video']);
});

test('forced mic off: the track is replaced by null and stopped at once, the transceiver goes recvonly and no offer says sendrecv for audio', async () => {
  const { a, b, pa, pb } = await pair();
  await a.mesh.setPublishing({ audio: true, video: true });
  await until(() => stable(pa, pb)() && directions(pa).audio === 'sendrecv', 'publishing');
  const mic = a.mesh.tracks.audio;
  const signalsBefore = a.conn.callsTo('SendSignal').length;

  a.conn.push('VideoMemberUpdated', view('p_a', { audio: false, video: true, micForcedOff: true }));
  // Synchronously: direction and track are already changed.
  const audio = pa.transceivers[0];
  assert.equal(audio.direction, 'recvonly');
  assert.equal(mic.readyState, 'ended');
  assert.equal(a.mesh.tracks.audio, null);
  await Promise.resolve();
  assert.equal(audio.sender.track, null);
  assert.equal(pa.transceivers[1].sender.track?.kind, 'video', 'the camera keeps going');

  await until(() => stable(pa, pb)() && directions(pb).audio !== 'recvonly' && pb.remoteDescription && parseSdp(pb.remoteDescription.sdp)[0].direction !== 'sendrecv', 'renegotiated without audio');
  const offers = a.conn.callsTo('SendSignal').slice(signalsBefore).filter((c) => c.args[2] !== 'ice');
  assert.ok(offers.length >= 1);
  for (const c of offers) assert.notEqual(parseSdp(JSON.parse(c.args[3]).sdp)[0].direction, 'sendrecv', 'the server gate would refuse it');
  assert.deepEqual(a.mesh.forced, { audio: true, video: false });

  // Allowed again: nothing resumes until the person turns the mic on themselves.
  const captures = a.getUserMedia.requests.length;
  a.conn.push('VideoMemberUpdated', view('p_a', { audio: false, video: true, micForcedOff: false }));
  await until(stable(pa, pb), 'settled');
  assert.equal(a.getUserMedia.requests.length, captures);
  assert.deepEqual(a.mesh.sending, { audio: false, video: true });
  assert.equal(a.mesh.wanted.audio, false);
});

test('a forced flag in the room state (before the video view says so) also stops the mic and tells the server', async () => {
  const { a, pa, pb } = await pair();
  await a.mesh.setPublishing({ audio: true, video: false });
  await until(() => stable(pa, pb)() && directions(pa).audio === 'sendrecv', 'publishing');
  a.conn.push('RoomStateChanged', { roomId: ROOM, media: [{ participantId: 'p_a', micOn: true, cameraOn: false, micForcedOff: true, cameraForcedOff: false }] });
  assert.equal(pa.transceivers[0].direction, 'recvonly');
  assert.equal(a.getUserMedia.tracks.find((t) => t.kind === 'audio').readyState, 'ended');
  assert.deepEqual(a.conn.callsTo('SetPublishing').at(-1).args, [ROOM, false, false]);
  await until(() => stable(pa, pb)() && parseSdp(pa.localDescription.sdp)[0].direction !== 'sendrecv', 'renegotiated');
});

test('an offer the server refuses (media_forced_off) is rolled back, and the next one follows the new state', async () => {
  const { a, b, pa, pb } = await pair();
  let refuse = true;
  a.conn.answers.set('SendSignal', (roomId, toId, kind, payload) => {
    if (kind === 'offer' && refuse && parseSdp(JSON.parse(payload).sdp)[0].direction === 'sendrecv') { refuse = false; throw hubError('SendSignal', 'media_forced_off'); }
    setImmediate(() => b.conn.push('Signal', { roomId, fromParticipantId: 'p_a', kind, payload }));
  });
  const errors = [];
  a.mesh.on('error', (e) => errors.push(e.error.code));
  await a.mesh.setPublishing({ audio: true, video: false });
  await until(() => errors.length === 1, 'the refusal');
  assert.deepEqual(errors, ['media_forced_off']);
  await until(() => pa.signalingState === 'stable', 'rolled back');
  a.conn.push('VideoMemberUpdated', view('p_a', { audio: false, micForcedOff: true }));
  await until(() => stable(pa, pb)() && pb.remoteDescription && parseSdp(pb.remoteDescription.sdp)[0].direction === 'recvonly' && directions(pa).audio === 'recvonly', 'renegotiated recvonly');
});

test('glare: both sides renegotiate at once and still converge on two m-lines each', async () => {
  const { a, b, pa, pb } = await pair();
  await Promise.all([a.mesh.setPublishing({ audio: true, video: true }), b.mesh.setPublishing({ audio: true, video: true })]);
  await until(() => stable(pa, pb)() && directions(pa).video === 'sendrecv' && directions(pb).video === 'sendrecv'
    && directions(pa).audio === 'sendrecv' && directions(pb).audio === 'sendrecv', 'both sending');
  assert.equal(pa.transceivers.length, 2);
  assert.equal(pb.transceivers.length, 2);
});

test('VideoMemberLeft (or leaving the room) closes that member\'s connection only', async () => {
  const me = await person('p_m', { members: ['p_x', 'p_y', 'p_z'] });
  await me.mesh.join();
  const [px, py, pz] = ['p_x', 'p_y', 'p_z'].map((p) => me.mesh.peerConnection(p));
  const closed = [];
  me.mesh.on('peerClosed', (e) => closed.push(e.participantId));
  me.conn.push('VideoMemberLeft', view('p_x'));
  me.conn.push('ParticipantLeft', { roomId: ROOM, participantId: 'p_y' });
  me.conn.push('VideoMemberLeft', { ...view('p_z'), roomId: 'other-room' });
  assert.equal(px.connectionState, 'closed');
  assert.equal(py.connectionState, 'closed');
  assert.notEqual(pz.connectionState, 'closed', 'an event of another room changes nothing');
  assert.deepEqual(closed, ['p_x', 'p_y']);
  assert.deepEqual(me.mesh.peerIds, ['p_z']);
  assert.deepEqual([...me.mesh.members.keys()], ['p_z']);
});

for (const [event, payload] of [['VideoRemoved', { roomId: ROOM, reason: 'removed_from_video' }], ['RoomClosed', { roomId: ROOM, reason: 'removed', terminal: true }]]) {
  test(`${event} closes every connection and stops the camera and mic`, async () => {
    const me = await person('p_m', { members: ['p_x', 'p_y'] });
    await me.mesh.join();
    await me.mesh.setPublishing({ audio: true, video: true });
    const pcs = me.mesh.peerIds.map((p) => me.mesh.peerConnection(p));
    const closed = new Promise((resolve) => me.mesh.once('closed', resolve));
    me.conn.push(event, payload);
    assert.deepEqual(await closed, { reason: payload.reason });
    assert.ok(pcs.every((pc) => pc.connectionState === 'closed'));
    assert.ok(me.getUserMedia.tracks.every((t) => t.readyState === 'ended'));
    assert.equal(me.mesh.joined, false);
    assert.deepEqual(me.mesh.peerIds, []);
    me.conn.push('VideoMemberJoined', view('p_w'));
    assert.deepEqual(me.mesh.peerIds, [], 'no longer listening');
  });
}

test('leave() closes everything and tells the server', async () => {
  const me = await person('p_m', { members: ['p_x'] });
  await me.mesh.join();
  const pc = me.mesh.peerConnection('p_x');
  await me.mesh.leave();
  assert.equal(pc.connectionState, 'closed');
  assert.deepEqual(me.conn.callsTo('LeaveVideo')[0].args, [ROOM]);
});

test('audio-only fallback: the mesh cap refuses video, so only the mic is captured', async () => {
  const me = await person('p_m', { members: ['p_x'], cap: false });
  await me.mesh.join();
  const sending = await me.mesh.setPublishing({ audio: true, video: true });
  assert.deepEqual(sending, { audio: true, video: false });
  assert.equal(me.mesh.audioOnly, true);
  assert.deepEqual(me.getUserMedia.requests, [{ audio: true }]);
});

test('audio-only fallback: no camera, so the server is told video is off', async () => {
  const me = await person('p_m', { members: ['p_x'], missing: ['video'] });
  await me.mesh.join();
  const sending = await me.mesh.setPublishing({ audio: true, video: true });
  assert.deepEqual(sending, { audio: true, video: false });
  assert.equal(me.mesh.audioOnly, true);
  assert.deepEqual(me.conn.callsTo('SetPublishing').map((c) => c.args), [[ROOM, true, true], [ROOM, true, false]]);
});

test('a refused SetPublishing (media_forced_off) changes nothing and captures nothing', async () => {
  const me = await person('p_m', { members: ['p_x'] });
  me.conn.answers.set('SetPublishing', () => { throw hubError('SetPublishing', 'media_forced_off'); });
  await me.mesh.join();
  await assert.rejects(me.mesh.setPublishing({ audio: true, video: false }), (e) => e.code === 'media_forced_off');
  assert.deepEqual(me.getUserMedia.requests, []);
  assert.deepEqual(me.mesh.wanted, { audio: false, video: false });
});

test('an offer that arrives while JoinVideo is in flight is answered once we know who we are', async () => {
  const me = await person('p_a', { members: ['p_b'] });
  let release;
  const gate = new Promise((r) => { release = r; });
  const answer = me.conn.answers.get('JoinVideo');
  me.conn.answers.set('JoinVideo', async (roomId) => { await gate; return answer(roomId); });
  const joining = me.mesh.join();
  await new Promise((r) => setImmediate(r));
  me.conn.push('Signal', { roomId: ROOM, fromParticipantId: 'p_b', kind: 'offer', payload: JSON.stringify({ type: 'offer', sdp: 'm=audio recvonly\nm=video recvonly' }) });
  release();
  await joining;
  await until(() => me.conn.callsTo('SendSignal').some((c) => c.args[2] === 'answer'), 'the answer');
  assert.deepEqual(me.mesh.peerIds, ['p_b']);
});

test('a VideoMemberJoined for a member we already connect to (it raced our JoinVideo answer) keeps the connection', async () => {
  const { a, pa } = await pair();
  a.conn.push('VideoMemberJoined', view('p_b'));
  assert.equal(a.mesh.peerConnection('p_b'), pa);
  assert.notEqual(pa.connectionState, 'closed');
});

test('an offer from a fresh connection of a peer we still hold (they rejoined unnoticed) replaces our connection', async () => {
  const { a, pa } = await pair();
  // p_b comes back on a new connection without a VideoMemberLeft/Joined reaching p_a.
  const b2 = await person('p_b', { members: ['p_a'] });
  relay(a, b2);
  relay(b2, a);
  await b2.mesh.join();
  const pb2 = b2.mesh.peerConnection('p_a');
  await until(() => a.mesh.peerConnection('p_b') !== pa && pb2.signalingState === 'stable' && pb2.remoteDescription, 'a fresh connection answered');
  const pa2 = a.mesh.peerConnection('p_b');
  assert.equal(pa.connectionState, 'closed');
  assert.deepEqual(pa2.transceivers.map((t) => t.kind), ['audio', 'video'], 'two m-lines, from their offer');
  await b2.mesh.setPublishing({ audio: true, video: true });
  await until(() => stable(pa2, pb2)() && pa2.remoteDescription && parseSdp(pa2.remoteDescription.sdp).every((m) => m.direction === 'sendrecv'), 'media flows on the new connection');
});

test('after a reconnect the mesh leaves and joins the video again, so every peer starts afresh, and asks for what it published', async () => {
  const me = await person('p_m', { members: ['p_x'] });
  me.conn.answers.set('JoinRoom', (req) => ({ roomId: req.roomId, roomName: 'R', participantId: 'p_m', status: 'room', role: 'participant', roster: [], history: [] }));
  me.conn.answers.set('GetHistory', () => []);
  await me.client.joinRoom({ roomId: ROOM, displayName: 'M' });
  await me.mesh.join();
  await me.mesh.setPublishing({ audio: true, video: false });
  const before = me.mesh.peerConnection('p_x');
  const rejoined = new Promise((resolve) => me.client.once('rejoined', resolve));
  me.conn.drop();
  await rejoined;
  await until(() => me.conn.callsTo('JoinVideo').length === 2 && me.conn.callsTo('SetPublishing').length === 2, 'video rejoined');
  const order = me.conn.calls.map((c) => c.method).filter((m) => ['LeaveVideo', 'JoinVideo', 'SetPublishing'].includes(m));
  assert.deepEqual(order, ['JoinVideo', 'SetPublishing', 'LeaveVideo', 'JoinVideo', 'SetPublishing']);
  assert.deepEqual(me.conn.callsTo('SetPublishing').at(-1).args, [ROOM, true, false]);
  assert.equal(before.connectionState, 'closed');
  assert.ok(me.mesh.peerConnection('p_x') && me.mesh.peerConnection('p_x') !== before);
  assert.equal(me.mesh.joined, true);
});

test('with an SFU provider the mesh opens no peer connections and exposes the SFU join details', async () => {
  const me = await person('p_m', { members: ['p_x'] });
  const answer = me.conn.answers.get('JoinVideo');
  me.conn.answers.set('JoinVideo', (roomId) => ({ ...answer(roomId), provider: 'livekit', sfu: { kind: 'livekit', url: 'wss://sfu.example', token: 't' } }));
  await me.mesh.join();
  me.conn.push('VideoMemberJoined', view('p_y'));
  me.conn.push('Signal', { roomId: ROOM, fromParticipantId: 'p_y', kind: 'offer', payload: JSON.stringify({ type: 'offer', sdp: 'm=audio recvonly' }) });
  assert.deepEqual(me.mesh.peerIds, []);
  assert.equal(me.mesh.provider, 'livekit');
  assert.equal(me.mesh.sfu.url, 'wss://sfu.example');
  assert.deepEqual([...me.mesh.members.keys()].sort(), ['p_x', 'p_y']);
});

test('no mic (or permission refused): the mic stays off, the server is told, the error says which device', async () => {
  const me = await person('p_m', { members: ['p_x'], missing: ['audio'] });
  const errors = [];
  me.mesh.on('error', (e) => errors.push(e.kind));
  await me.mesh.join();
  const sending = await me.mesh.setPublishing({ audio: true, video: true });
  assert.deepEqual(sending, { audio: false, video: true });
  assert.deepEqual(errors, ['audio']);
  assert.deepEqual(me.mesh.wanted, { audio: false, video: true });
  assert.equal(me.mesh.audioOnly, false);
  assert.deepEqual(me.conn.callsTo('SetPublishing').map((c) => c.args), [[ROOM, true, true], [ROOM, false, true]]);
});
