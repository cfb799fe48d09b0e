import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrisisClient, CrisisEvents, RoomsClient, RoomCrisisEvents, CASE_OUTCOMES } from '../src/index.js';
import { fakeOptions, hubError } from '../test-support/fake-connection.js';

test('the crisis client talks to /hubs/crisis, one method per hub method', async () => {
  const { fake, options } = fakeOptions({ baseUrl: 'http://h' });
  const client = new CrisisClient(options);
  assert.equal(fake.connection.options.url, 'http://h/hubs/crisis');
  await client.start();
  const calls = [
    [() => client.getOpenCases(), 'GetOpenCases', []],
    [() => client.getCase('c1'), 'GetCase', ['c1']],
    [() => client.claimCase('c1'), 'ClaimCase', ['c1']],
    [() => client.releaseCase('c1'), 'ReleaseCase', ['c1']],
    [() => client.acknowledgeCase('c1'), 'AcknowledgeCase', ['c1']],
    [() => client.addCaseNote('c1', 'called back'), 'AddCaseNote', ['c1', 'called back']],
    [() => client.resolveCase({ caseId: 'c1', outcome: 'supported_in_room' }), 'ResolveCase', [{ caseId: 'c1', outcome: 'supported_in_room' }]],
    [() => client.sendPrivateMessage({ caseId: 'c1', text: 'hi' }), 'SendPrivateMessage', [{ caseId: 'c1', text: 'hi' }]],
  ];
  for (const [call, method, args] of calls) {
    await call();
    assert.deepEqual(fake.connection.calls.at(-1), { method, args });
  }
  assert.ok(CASE_OUTCOMES.includes('false_alarm'));
});

test('a page delivered twice (at least once) is emitted once; claims lost to a race are typed', async () => {
  const { fake, options } = fakeOptions();
  const client = new CrisisClient(options);
  await client.start();
  const pages = [];
  client.on('CasePaged', (p) => pages.push(p.dedupKey));
  const page = { dedupKey: 'c1:0:1', tier: 'crisis-staff', tierIndex: 0, attempt: 1, case: { caseId: 'c1' } };
  fake.connection.push('CasePaged', page);
  fake.connection.push('CasePaged', page);
  fake.connection.push('CasePaged', { ...page, dedupKey: 'c1:0:2', attempt: 2 });
  assert.deepEqual(pages, ['c1:0:1', 'c1:0:2']);
  fake.connection.answers.set('ClaimCase', () => { throw hubError('ClaimCase', 'already_claimed'); });
  await assert.rejects(client.claimCase('c1'), (e) => e.code === 'already_claimed');
});

test('after a reconnect the crisis client re-reads the open cases', async () => {
  const { fake, options } = fakeOptions();
  const client = new CrisisClient(options);
  await client.start();
  fake.connection.answers.set('GetOpenCases', () => [{ caseId: 'c9' }]);
  const open = new Promise((resolve) => client.once('OpenCases', resolve));
  fake.connection.drop();
  assert.deepEqual(await open, [{ caseId: 'c9' }]);
  assert.deepEqual(Object.values(CrisisEvents), ['OpenCases', 'CasePaged', 'CaseUpdated', 'PrivateMessageReceived']);
});

test('rooms hub crisis methods and events; risk alerts are emitted once per dedupKey', async () => {
  const { fake, options } = fakeOptions();
  const client = new RoomsClient(options);
  await client.start();
  await client.requestHelp('r');
  assert.deepEqual(fake.connection.calls.at(-1), { method: 'RequestHelp', args: ['r'] });
  await client.escalateParticipant({ roomId: 'r', participantId: 'p', severity: 'high' });
  assert.deepEqual(fake.connection.calls.at(-1), { method: 'EscalateParticipant', args: [{ roomId: 'r', participantId: 'p', severity: 'high' }] });
  await client.replyToCrisisStaff({ caseId: 'c', text: 'ok' });
  assert.deepEqual(fake.connection.calls.at(-1), { method: 'ReplyToCrisisStaff', args: [{ caseId: 'c', text: 'ok' }] });
  const seen = [];
  for (const e of Object.values(RoomCrisisEvents)) client.on(e, (p) => seen.push(e));
  const alert = { dedupKey: 'c:alert:1', roomId: 'r', caseId: 'c' };
  fake.connection.push('RiskAlert', alert);
  fake.connection.push('RiskAlert', alert);
  fake.connection.push('CrisisResources', { roomId: 'r', resources: [] });
  fake.connection.push('CrisisPrivateMessage', { roomId: 'r', caseId: 'c', text: 'hi' });
  assert.deepEqual(seen, ['RiskAlert', 'CrisisResources', 'CrisisPrivateMessage']);
});
