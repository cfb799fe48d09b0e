import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomsClient, PeerRoomsError, ClientState } from '../src/index.js';
import { fakeOptions, hubError, message, settle } from '../test-support/fake-connection.js';

function joinAnswer(roomId, history = [], status = 'room') {
  return { roomId, roomName: 'Circle', participantId: 'p_me', status, role: 'participant', roster: [], history };
}

async function connected(overrides) {
  const { fake, options } = fakeOptions(overrides);
  const client = new RoomsClient(options);
  const conn = fake.connection;
  conn.answers.set('JoinRoom', (req) => joinAnswer(req.roomId));
  conn.answers.set('GetHistory', () => []);
  await client.start();
  return { client, conn, fake };
}

test('connects to /hubs/rooms with MessagePack by default and JSON when asked', () => {
  const a = fakeOptions({ baseUrl: 'http://h:1/' });
  const mp = new RoomsClient(a.options);
  assert.equal(a.fake.connection.options.url, 'http://h:1/hubs/rooms');
  assert.equal(a.fake.connection.options.protocol, 'messagepack');
  assert.equal(mp.protocol, 'messagepack');
  const b = fakeOptions({ protocol: 'json' });
  new RoomsClient(b.options);
  assert.equal(b.fake.connection.options.protocol, 'json');
  assert.throws(() => new RoomsClient(fakeOptions({ protocol: 'xml' }).options), TypeError);
  assert.throws(() => new RoomsClient({}), TypeError);
});

test('each method invokes its hub method with the documented arguments', async () => {
  const { client, conn } = await connected();
  conn.answers.set('SendMessage', (r) => ({ messageId: 'm_1', sequence: 1, duplicate: false }));
  conn.answers.set('GetRoster', () => [{ participantId: 'p_me', displayName: 'River', role: 'participant', status: 'room' }]);
  await client.joinRoom({ roomId: 'r1', displayName: 'River', acceptedGuidelinesVersion: 2 });
  const sent = await client.sendMessage({ roomId: 'r1', text: 'hello' });
  await client.setTyping('r1', true);
  await client.getHistory('r1', 5);
  const roster = await client.getRoster('r1');
  await client.leaveRoom('r1');
  assert.deepEqual(conn.calls.map((c) => c.method), ['JoinRoom', 'SendMessage', 'SetTyping', 'GetHistory', 'GetRoster', 'LeaveRoom']);
  assert.deepEqual(conn.calls[0].args, [{ roomId: 'r1', displayName: 'River', acceptedGuidelinesVersion: 2 }]);
  const sendArgs = conn.calls[1].args[0];
  assert.equal(sendArgs.text, 'hello');
  assert.match(sendArgs.clientMessageId, /^[A-Za-z0-9_-]{1,64}$/);
  assert.deepEqual(conn.calls[2].args, ['r1', true]);
  assert.deepEqual(conn.calls[3].args, ['r1', 5]);
  assert.deepEqual(conn.calls[5].args, ['r1']);
  assert.equal(sent.sequence, 1);
  assert.equal(roster[0].displayName, 'River');
  assert.deepEqual(client.roomIds, []);
});

test('a refused call rejects with a typed error carrying the catalogue code', async () => {
  const { client, conn } = await connected();
  conn.answers.set('JoinRoom', () => { throw hubError('JoinRoom', 'display_name_taken', 'someone uses that name'); });
  await assert.rejects(client.joinRoom({ roomId: 'r1', displayName: 'River' }), (e) =>
    e instanceof PeerRoomsError && e.code === 'display_name_taken' && e.method === 'JoinRoom');
  assert.deepEqual(client.roomIds, [], 'a refused join is not remembered');
});

test('server events are re-emitted with their wire names', async () => {
  const { client, conn } = await connected();
  await client.joinRoom({ roomId: 'r1', displayName: 'River' });
  const seen = [];
  for (const e of ['ParticipantJoined', 'ParticipantLeft', 'MessageReceived', 'Typing', 'SecurityAlert']) client.on(e, (p) => seen.push([e, p]));
  conn.push('ParticipantJoined', { roomId: 'r1', participant: { participantId: 'p_2' } });
  conn.push('Typing', { roomId: 'r1', participantId: 'p_2', typing: true });
  conn.push('MessageReceived', message('r1', 1));
  conn.push('ParticipantLeft', { roomId: 'r1', participantId: 'p_2' });
  conn.push('SecurityAlert', { roomId: 'r1', participantId: 'p_2', limit: 'messages' });
  assert.deepEqual(seen.map(([e]) => e), ['ParticipantJoined', 'Typing', 'MessageReceived', 'ParticipantLeft', 'SecurityAlert']);
  assert.equal(client.lastSequence('r1'), 1);
});

test('messages already seen (in join history or a replay) are not emitted twice', async () => {
  const { client, conn } = await connected();
  conn.answers.set('JoinRoom', (req) => joinAnswer(req.roomId, [message('r1', 1), message('r1', 2)]));
  await client.joinRoom({ roomId: 'r1', displayName: 'River' });
  const got = [];
  client.on('MessageReceived', (m) => got.push(m.sequence));
  conn.push('MessageReceived', message('r1', 2));
  conn.push('MessageReceived', message('r1', 3));
  conn.push('MessageReceived', message('r1', 3));
  assert.deepEqual(got, [3]);
});

test('after a dropped connection it reconnects with backoff, rejoins and fetches missed history', async () => {
  const { client, conn, fake } = await connected();
  await client.joinRoom({ roomId: 'r1', displayName: 'River', acceptedGuidelinesVersion: 1 });
  conn.push('MessageReceived', message('r1', 1));
  conn.push('MessageReceived', message('r1', 2));
  conn.startFailures.push(new Error('connection refused'), new Error('connection refused'));
  conn.answers.set('GetHistory', (roomId, after) => [message('r1', 3), message('r1', 4)].filter((m) => m.sequence > after));
  const got = []; const states = []; const rejoined = [];
  client.on('MessageReceived', (m) => got.push(m.sequence));
  client.on('stateChanged', (s) => states.push(s.state));
  client.on('rejoined', (r) => rejoined.push(r));
  const reconnected = new Promise((resolve) => client.once('reconnected', resolve));

  conn.drop();
  const info = await reconnected;

  assert.equal(info.attempts, 3);
  assert.deepEqual(fake.waits, [100, 200, 300], 'the backoff schedule is used');
  assert.deepEqual(states, ['reconnecting', 'connected']);
  const joins = conn.callsTo('JoinRoom');
  assert.equal(joins.length, 2);
  assert.deepEqual(joins[1].args, joins[0].args, 'rejoins with the same request');
  assert.deepEqual(conn.callsTo('GetHistory').at(-1).args, ['r1', 2], 'asks for what came after the last seen message');
  assert.deepEqual(got, [3, 4]);
  assert.deepEqual(rejoined[0].missed.map((m) => m.sequence), [3, 4]);
  assert.equal(client.state, ClientState.Connected);
});

test('a token refused on reconnect stops the client and says why', async () => {
  const { client, conn } = await connected();
  conn.startFailures.push(Object.assign(new Error('Unauthorized'), { statusCode: 401 }));
  const stopped = new Promise((resolve) => client.once('stopped', resolve));
  conn.drop();
  assert.deepEqual(await stopped, { reason: 'unauthenticated' });
  assert.equal(client.state, ClientState.Stopped);
});

test('the token factory is asked again for every reconnect', async () => {
  let calls = 0;
  const { client, conn } = await connected({ accessTokenFactory: () => `t${++calls}` });
  const reconnected = new Promise((resolve) => client.once('reconnected', resolve));
  conn.drop();
  await reconnected;
  assert.equal(calls, 2);
});

test('a terminal RoomClosed forgets the room: no rejoin after a reconnect, and the app learns why', async () => {
  const { client, conn } = await connected();
  await client.joinRoom({ roomId: 'r1', displayName: 'River' });
  await client.joinRoom({ roomId: 'r2', displayName: 'River' });
  const closed = [];
  client.on('RoomClosed', (e) => closed.push(e));
  conn.push('RoomClosed', { roomId: 'r1', reason: 'removed', terminal: true });
  assert.deepEqual(closed, [{ roomId: 'r1', reason: 'removed', terminal: true }]);
  assert.deepEqual(client.roomIds, ['r2']);

  const reconnected = new Promise((resolve) => client.once('reconnected', resolve));
  conn.drop();
  await reconnected;
  assert.deepEqual(conn.callsTo('JoinRoom').slice(2).map((c) => c.args[0].roomId), ['r2']);
});

test('a non-terminal RoomClosed (node_shutdown) keeps the room and rejoins it', async () => {
  const { client, conn } = await connected();
  await client.joinRoom({ roomId: 'r1', displayName: 'River' });
  const rejoined = new Promise((resolve) => client.once('rejoined', resolve));
  conn.push('RoomClosed', { roomId: 'r1', reason: 'node_shutdown', terminal: false });
  assert.equal((await rejoined).roomId, 'r1');
  assert.deepEqual(client.roomIds, ['r1']);
});

test('a rejoin refused for good (banned) forgets the room and reports it', async () => {
  const { client, conn } = await connected();
  await client.joinRoom({ roomId: 'r1', displayName: 'River' });
  conn.answers.set('JoinRoom', () => { throw hubError('JoinRoom', 'banned'); });
  const failed = new Promise((resolve) => client.once('rejoinFailed', resolve));
  conn.drop();
  const { roomId, error } = await failed;
  assert.equal(roomId, 'r1');
  assert.equal(error.code, 'banned');
  await settle();
  assert.deepEqual(client.roomIds, []);
});

test('a send cut off by a dropped connection is retried with the same clientMessageId after the rejoin', async () => {
  const { client, conn } = await connected();
  await client.joinRoom({ roomId: 'r1', displayName: 'River' });
  let first = true;
  conn.answers.set('SendMessage', async (req) => {
    if (first) { first = false; conn.drop(); throw new Error('Invocation canceled due to the underlying connection being closed.'); }
    return { messageId: 'm_9', sequence: 9, duplicate: true };
  });
  const result = await client.sendMessage({ roomId: 'r1', text: 'hi', clientMessageId: 'c-1' });
  const sends = conn.callsTo('SendMessage');
  assert.equal(sends.length, 2);
  assert.equal(sends[1].args[0].clientMessageId, 'c-1');
  assert.ok(conn.calls.findIndex((c, i) => c.method === 'JoinRoom' && i > conn.calls.indexOf(sends[0])) < conn.calls.indexOf(sends[1]), 'rejoined before retrying');
  assert.equal(result.sequence, 9);
});

test('stop() ends reconnecting for good, rejects waiting calls, and emits stopped', async () => {
  const { client, conn } = await connected({ wait: (ms, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(false))) });
  conn.drop();
  assert.equal(client.state, ClientState.Reconnecting);
  const waiting = client.getRoster('r1');
  const stopped = new Promise((resolve) => client.once('stopped', resolve));
  await client.stop();
  assert.deepEqual(await stopped, { reason: 'stopped' });
  await assert.rejects(waiting, (e) => e.code === 'stopped');
  await assert.rejects(client.start(), (e) => e.code === 'stopped');
  assert.equal(conn.starts, 1);
});

test('a handler that throws does not stop other handlers', async () => {
  const { client, conn } = await connected();
  await client.joinRoom({ roomId: 'r1', displayName: 'River' });
  const errors = []; const got = [];
  client.on('handlerError', (e) => errors.push(e));
  client.on('MessageReceived', () => { throw new Error('app bug'); });
  client.on('MessageReceived', (m) => got.push(m.sequence));
  conn.push('MessageReceived', message('r1', 1));
  assert.deepEqual(got, [1]);
  assert.equal(errors[0].event, 'MessageReceived');
});

test('a failed first start rejects with a typed error and the client can start again', async () => {
  const { fake, options } = fakeOptions();
  const client = new RoomsClient(options);
  fake.connection.startFailures.push(Object.assign(new Error('Unauthorized'), { statusCode: 401 }));
  await assert.rejects(client.start(), (e) => e.code === 'unauthenticated');
  assert.equal(client.state, ClientState.Disconnected);
  await client.start();
  assert.equal(client.state, ClientState.Connected);
});

test('a close error that a reconnect cannot fix (access_revoked) stops the client with that reason', async () => {
  const { client, conn } = await connected();
  const stopped = new Promise((resolve) => client.once('stopped', resolve));
  conn.drop(new Error('Server returned an error on close: Connection closed with an error. HubException: access_revoked: access is blocked until 2030-01-01T00:00:00Z'));
  assert.deepEqual(await stopped, { reason: 'access_revoked' });
  assert.equal(conn.starts, 1, 'no reconnect attempt');
});
