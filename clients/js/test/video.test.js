import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomsClient, VideoEvents, isPolite, createsTransceivers, transceiverDirection, forcedOff, sendingState, isAudioOnly, parseSignal } from '../src/index.js';
import { fakeOptions, settle } from '../test-support/fake-connection.js';

// [client method, args, hub method, hub args]
const CALLS = [
  ['joinVideo', ['r'], 'JoinVideo', ['r']],
  ['leaveVideo', ['r'], 'LeaveVideo', ['r']],
  ['setPublishing', ['r', 1, 0], 'SetPublishing', ['r', true, false]],
  ['sendSignal', ['r', 'p', 'offer', '{"type":"offer","sdp":"v=0"}'], 'SendSignal', ['r', 'p', 'offer', '{"type":"offer","sdp":"v=0"}']],
  ['removeFromVideo', ['r', 'p'], 'RemoveFromVideo', ['r', 'p']],
  ['setVideoSpotlight', ['r', 'p', 1], 'SetVideoSpotlight', ['r', 'p', true]],
  ['lowerAllHands', ['r'], 'LowerAllHands', ['r']],
];

test('every video method invokes its hub method with the documented arguments', async () => {
  const { fake, options } = fakeOptions();
  const client = new RoomsClient(options);
  await client.start();
  for (const [method, args, hubMethod, hubArgs] of CALLS) {
    await client[method](...args);
    const call = fake.connection.calls.at(-1);
    assert.equal(call.method, hubMethod, method);
    assert.deepEqual(call.args, hubArgs, method);
  }
});

test('video events are re-emitted under their wire names', async () => {
  const { fake, options } = fakeOptions();
  const client = new RoomsClient(options);
  await client.start();
  const seen = [];
  for (const e of Object.values(VideoEvents)) client.on(e, (p) => seen.push([e, p.roomId]));
  for (const e of Object.values(VideoEvents)) fake.connection.push(e, { roomId: 'r' });
  assert.deepEqual(seen, Object.values(VideoEvents).map((e) => [e, 'r']));
  assert.deepEqual(Object.values(VideoEvents), ['VideoMemberJoined', 'VideoMemberLeft', 'VideoMemberUpdated', 'Signal', 'VideoRemoved']);
  await settle();
});

test('perfect negotiation roles: the smaller participantId is polite, the other creates the m-lines', () => {
  assert.equal(isPolite('p_a', 'p_b'), true);
  assert.equal(isPolite('p_b', 'p_a'), false);
  assert.equal(createsTransceivers('p_b', 'p_a'), true);
  assert.equal(createsTransceivers('p_a', 'p_b'), false);
});

test('a transceiver is sendrecv only while that medium is sent', () => {
  assert.equal(transceiverDirection(true), 'sendrecv');
  assert.equal(transceiverDirection(false), 'recvonly');
});

test('forced off: either our video view or the room state media entry says so', () => {
  assert.deepEqual(forcedOff(null, null), { audio: false, video: false });
  assert.deepEqual(forcedOff({ micForcedOff: true }, null), { audio: true, video: false });
  assert.deepEqual(forcedOff({ micForcedOff: false }, { cameraForcedOff: true }), { audio: false, video: true });
});

test('we send a medium only when wanted, granted, not forced and a track exists', () => {
  const all = { audio: true, video: true };
  const none = { audio: false, video: false };
  const tracks = { audio: {}, video: {} };
  assert.deepEqual(sendingState(all, all, none, tracks), all);
  assert.deepEqual(sendingState(all, { audio: true, video: false }, none, tracks), { audio: true, video: false }, 'the cap refused video');
  assert.deepEqual(sendingState(all, all, { audio: true, video: false }, tracks), { audio: false, video: true }, 'mic forced off');
  assert.deepEqual(sendingState(all, all, none, { audio: {}, video: null }), { audio: true, video: false }, 'no camera track');
  assert.deepEqual(sendingState(none, all, none, tracks), none);
});

test('audio-only: camera wanted but refused by the cap or missing; not when a facilitator forced it off', () => {
  const none = { audio: false, video: false };
  assert.equal(isAudioOnly({ audio: true, video: true }, { audio: true, video: false }, none, false), true);
  assert.equal(isAudioOnly({ audio: true, video: true }, { audio: true, video: true }, none, true), true);
  assert.equal(isAudioOnly({ audio: true, video: true }, { audio: true, video: true }, none, false), false);
  assert.equal(isAudioOnly({ audio: true, video: true }, { audio: true, video: false }, { audio: false, video: true }, false), false);
  assert.equal(isAudioOnly({ audio: true, video: false }, { audio: true, video: false }, none, false), false);
});

test('signal payloads: offer/answer {type, sdp}; ice a candidate init or end-of-candidates; anything else is ignored', () => {
  assert.deepEqual(parseSignal('offer', JSON.stringify({ type: 'offer', sdp: 'v=0' })), { description: { type: 'offer', sdp: 'v=0' } });
  assert.deepEqual(parseSignal('answer', JSON.stringify({ type: 'answer', sdp: 'v=0', extra: 1 })), { description: { type: 'answer', sdp: 'v=0' } });
  assert.equal(parseSignal('offer', JSON.stringify({ type: 'answer', sdp: 'v=0' })), null, 'kind and type must agree');
  assert.equal(parseSignal('offer', '{"type":"offer"}'), null);
  assert.equal(parseSignal('offer', 'not json'), null);
  const c = { candidate: 'candidate:1 1 udp 1 192.0.2.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
  assert.deepEqual(parseSignal('ice', JSON.stringify(c)), { candidate: c });
  assert.deepEqual(parseSignal('ice', '{}'), { candidate: null });
  assert.deepEqual(parseSignal('ice', 'null'), { candidate: null });
  assert.equal(parseSignal('ice', '[1]'), null);
  assert.equal(parseSignal('bye', '{}'), null);
});
