import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomsClient, ModerationEvents } from '../src/index.js';
import { fakeOptions } from '../test-support/fake-connection.js';

// [client method, args, hub method, hub args]
const CALLS = [
  ['startSession', ['r'], 'StartSession', ['r']],
  ['endSession', ['r'], 'EndSession', ['r']],
  ['handOverLead', ['r', 'p'], 'HandOverLead', ['r', 'p']],
  ['promoteCoFacilitator', ['r', 'p'], 'PromoteCoFacilitator', ['r', 'p']],
  ['demoteCoFacilitator', ['r', 'p'], 'DemoteCoFacilitator', ['r', 'p']],
  ['getRoomState', ['r'], 'GetRoomState', ['r']],
  ['getLobby', ['r'], 'GetLobby', ['r']],
  ['admit', ['r', 'p'], 'Admit', ['r', 'p']],
  ['admitAll', ['r'], 'AdmitAll', ['r']],
  ['deny', ['r', 'p'], 'Deny', ['r', 'p']],
  ['sendToLobby', ['r', 'p'], 'SendToLobby', ['r', 'p']],
  ['lockRoom', ['r', false], 'LockRoom', ['r', false]],
  ['unlockRoom', ['r'], 'UnlockRoom', ['r']],
  ['raiseHand', ['r'], 'RaiseHand', ['r']],
  ['lowerHand', ['r'], 'LowerHand', ['r']],
  ['lowerHandOf', ['r', 'p'], 'LowerHandOf', ['r', 'p']],
  ['giveFloor', ['r', 'p', 120], 'GiveFloor', ['r', 'p', 120]],
  ['clearFloor', ['r'], 'ClearFloor', ['r']],
  ['muteParticipant', ['r', 'p', 5], 'MuteParticipant', ['r', 'p', 5]],
  ['unmuteParticipant', ['r', 'p'], 'UnmuteParticipant', ['r', 'p']],
  ['muteEveryone', ['r', 0], 'MuteEveryone', ['r', 0]],
  ['unmuteEveryone', ['r'], 'UnmuteEveryone', ['r']],
  ['setSlowMode', ['r', 30], 'SetSlowMode', ['r', 30]],
  ['removeParticipant', ['r', 'p'], 'RemoveParticipant', ['r', 'p']],
  ['timeoutParticipant', ['r', 'p', 10], 'TimeoutParticipant', ['r', 'p', 10]],
  ['banParticipant', ['r', 'p', true], 'BanParticipant', ['r', 'p', true]],
  ['deleteMessage', ['r', 'm'], 'DeleteMessage', ['r', 'm']],
  ['pinMessage', ['r', 'm'], 'PinMessage', ['r', 'm']],
  ['unpinMessage', ['r'], 'UnpinMessage', ['r']],
  ['report', [{ roomId: 'r', messageId: 'm', reason: 'x' }], 'Report', [{ roomId: 'r', messageId: 'm', reason: 'x' }]],
  ['sendCheckInMessage', [{ roomId: 'r', toParticipantId: 'p', text: 'hi' }], 'SendCheckInMessage', [{ roomId: 'r', toParticipantId: 'p', text: 'hi' }]],
  ['requestMediaOff', ['r', 'p', 'mic'], 'RequestMediaOff', ['r', 'p', 'mic']],
  ['forceMediaOff', ['r', 'p', 'camera'], 'ForceMediaOff', ['r', 'p', 'camera']],
  ['allowMedia', ['r', 'p', 'mic'], 'AllowMedia', ['r', 'p', 'mic']],
  ['setMediaState', ['r', 'mic', true], 'SetMediaState', ['r', 'mic', true]],
  ['askToUnmute', ['r', 'mic'], 'AskToUnmute', ['r', 'mic']],
];

test('every facilitator-tools method invokes its hub method with the documented arguments', async () => {
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

test('facilitator-tools events are re-emitted, and admission from the lobby is remembered for rejoins', async () => {
  const { fake, options } = fakeOptions();
  const client = new RoomsClient(options);
  const conn = fake.connection;
  conn.answers.set('JoinRoom', (req) => ({ roomId: req.roomId, roomName: 'R', participantId: 'p_me', status: 'lobby', role: 'participant', roster: [], history: [] }));
  conn.answers.set('GetHistory', () => []);
  await client.start();
  await client.joinRoom({ roomId: 'r', displayName: 'River' });
  const seen = [];
  for (const e of Object.values(ModerationEvents)) client.on(e, () => seen.push(e));
  for (const e of Object.values(ModerationEvents)) conn.push(e, { roomId: 'r', participant: { participantId: 'p_me', status: 'room' } });
  assert.deepEqual(seen, Object.values(ModerationEvents));

  const rejoined = new Promise((resolve) => client.once('rejoined', resolve));
  conn.answers.set('JoinRoom', (req) => ({ roomId: req.roomId, roomName: 'R', participantId: 'p_me', status: 'room', role: 'participant', roster: [], history: [] }));
  conn.drop();
  await rejoined;
  assert.ok(conn.callsTo('GetHistory').length >= 1, 'an admitted participant fetches missed history after a rejoin');
});
