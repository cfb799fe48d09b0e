import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomsClient, DisclosureEvents, SENSITIVE_TOPICS } from '../src/index.js';
import { fakeOptions } from '../test-support/fake-connection.js';

test('disclosure methods invoke their hub methods; sendMessage carries audience and content warnings', async () => {
  const { fake, options } = fakeOptions();
  const client = new RoomsClient(options);
  await client.start();
  const attributes = [{ kind: 'pronouns', value: 'they/them', audience: 'everyone' }];
  await client.setAttributes({ roomId: 'r', attributes });
  assert.deepEqual(fake.connection.calls.at(-1), { method: 'SetAttributes', args: [{ roomId: 'r', attributes }] });
  await client.retractMessage('r', 'm');
  assert.deepEqual(fake.connection.calls.at(-1), { method: 'RetractMessage', args: ['r', 'm'] });
  await client.getContentPreferences();
  assert.deepEqual(fake.connection.calls.at(-1), { method: 'GetContentPreferences', args: [] });
  await client.setContentPreferences({ collapsedTopics: ['grief'] });
  assert.deepEqual(fake.connection.calls.at(-1), { method: 'SetContentPreferences', args: [{ collapsedTopics: ['grief'] }] });
  await client.sendMessage({ roomId: 'r', text: 'x', audience: 'facilitators', sensitiveTopics: ['grief'], clientMessageId: 'c1' });
  assert.deepEqual(fake.connection.calls.at(-1).args[0], { roomId: 'r', text: 'x', audience: 'facilitators', sensitiveTopics: ['grief'], clientMessageId: 'c1' });
  const seen = [];
  client.on(DisclosureEvents.MessageRetracted, (e) => seen.push(e.messageId));
  fake.connection.push('MessageRetracted', { roomId: 'r', messageId: 'm' });
  assert.deepEqual(seen, ['m']);
  assert.ok(SENSITIVE_TOPICS.includes('self-harm'));
});
