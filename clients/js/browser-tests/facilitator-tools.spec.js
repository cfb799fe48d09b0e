// The facilitator tools in two browsers against a real server: a participant (phone) waits in the
// lobby of a room with a lobby, the facilitator (desktop) starts the session and lets them in;
// hand raised → floor given with a share timer; mute (and the participant is told); a private
// message; a report; removal, after which the participant is told why and not reconnected.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createRoom } from './support/server.js';
import { openBrowser, screenshot, axeViolations, PHONE, DESKTOP } from './support/browser.js';
import { signIn, joinRoom, send, message } from './support/flows.js';

const ROOM = 'Thursday circle';

describe('web app: facilitator tools', () => {
  let server, fac, par;

  before(async () => {
    server = await startServer();
    await createRoom(server.baseUrl, { name: ROOM, facilitators: ['fac-2'], guidelines: 'Be kind.', policy: { lobbyEnabled: true } });
    fac = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    par = await openBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    await signIn(fac.page, '/', 'fac-2', 'Facilitator');
    await joinRoom(fac.page, ROOM, 'Coach Ana');
    await signIn(par.page, '/', 'par-2', 'Participant');
    await joinRoom(par.page, ROOM, 'Robin');
  });

  after(async () => {
    await fac?.close();
    await par?.close();
    await server?.stop();
  });

  it('the participant waits in the lobby until the facilitator starts the session and lets them in', async () => {
    await par.page.getByRole('heading', { name: 'You are in the lobby' }).waitFor();
    await screenshot(par.page, '20-lobby-phone');
    assert.deepEqual(await axeViolations(par.page), []);

    const panel = fac.page.getByRole('region', { name: 'Facilitator tools' });
    await panel.getByText('Session: not started').waitFor();
    await panel.getByRole('button', { name: 'Let in Robin' }).waitFor();
    await screenshot(fac.page, '21-facilitator-lobby-desktop');
    assert.deepEqual(await axeViolations(fac.page), []);
    await panel.getByRole('button', { name: 'Start session' }).click();
    await panel.getByText('Session: open').waitFor();
    await panel.getByRole('button', { name: 'Let in Robin' }).click();

    await par.page.getByLabel('Message', { exact: true }).waitFor();
    await send(par.page, 'Thanks for letting me in.');
    await message(fac.page, 'Thanks for letting me in.').waitFor();
  });

  it('a raised hand reaches the facilitator, who gives the floor with a share timer', async () => {
    await par.page.getByRole('button', { name: 'Raise hand' }).click();
    await par.page.locator('#main .hand-note').waitFor();
    const panel = fac.page.getByRole('region', { name: 'Facilitator tools' });
    await panel.getByLabel('Share time').selectOption('120');
    await panel.getByRole('button', { name: 'Give the floor to Robin' }).click();
    await par.page.locator('#main .floor', { hasText: 'You have the floor.' }).waitFor();
    const timer = par.page.getByRole('timer');
    await timer.waitFor();
    assert.match(await timer.textContent(), /^[12]:\d\d left$/);
    await fac.page.locator('#main .floor', { hasText: 'Robin has the floor.' }).waitFor();
    await screenshot(par.page, '22-floor-and-timer-phone');
    await screenshot(fac.page, '23-floor-facilitator-desktop');
    assert.deepEqual(await axeViolations(par.page), []);
    await panel.getByRole('button', { name: 'End the share' }).click();
    await par.page.locator('#main .floor').waitFor({ state: 'detached' });
  });

  it('a muted participant is told, and their messages are refused until unmuted', async () => {
    const panel = fac.page.getByRole('region', { name: 'Facilitator tools' });
    await panel.getByRole('button', { name: 'Mute Robin' }).click();
    await par.page.locator('.muted-note').waitFor();
    await send(par.page, 'Can anyone hear me?');
    await par.page.locator('#main').getByText('Not sent: A facilitator has muted you for now.').waitFor();
    await screenshot(par.page, '24-muted-phone');
    assert.equal(await message(fac.page, 'Can anyone hear me?').count(), 0);
    await panel.getByRole('button', { name: 'Unmute Robin' }).click();
    await par.page.locator('.muted-note').waitFor({ state: 'detached' });
    await send(par.page, 'Can anyone hear me now?');
    await message(fac.page, 'Can anyone hear me now?').waitFor();
  });

  it('room-wide powers: mute everyone and slow mode', async () => {
    const panel = fac.page.getByRole('region', { name: 'Facilitator tools' });
    await panel.getByRole('button', { name: 'Mute everyone' }).click();
    await par.page.locator('#main .muted-note', { hasText: 'paused the chat for everyone' }).waitFor();
    await panel.getByRole('button', { name: 'Unmute everyone' }).click();
    await par.page.locator('#main .muted-note').waitFor({ state: 'detached' });
    await panel.getByLabel('Slow mode').selectOption('30');
    await send(par.page, 'First under slow mode');
    await message(fac.page, 'First under slow mode').waitFor();
    await send(par.page, 'Second too soon');
    await par.page.locator('#main').getByText('Slow mode is on', { exact: false }).waitFor();
    await panel.getByLabel('Slow mode').selectOption('0');
    await screenshot(fac.page, '27-room-controls-desktop');
  });

  it('facilitator and participant exchange private messages the room does not see', async () => {
    const panel = fac.page.getByRole('region', { name: 'Facilitator tools' });
    await panel.getByRole('button', { name: 'Message privately Robin' }).click();
    await fac.page.getByRole('textbox', { name: 'Private message' }).fill('How are you doing, Robin?');
    await fac.page.getByRole('button', { name: 'Send privately' }).click();
    await par.page.locator('.checkins', { hasText: 'How are you doing, Robin?' }).waitFor();
    await par.page.getByRole('textbox', { name: 'Private message' }).fill('A bit nervous, thanks for asking.');
    await par.page.getByRole('button', { name: 'Send privately' }).click();
    await fac.page.locator('.checkins', { hasText: 'A bit nervous' }).waitFor();
    assert.equal(await message(par.page, 'How are you doing').count(), 0, 'not in the room conversation');
    await screenshot(par.page, '25-private-messages-phone');
  });

  it('a participant reports a message and the facilitator sees the report', async () => {
    await send(fac.page, 'Please keep phones on silent.');
    await message(par.page, 'Please keep phones on silent.').waitFor();
    await par.page.locator('.message', { hasText: 'Please keep phones on silent.' }).getByRole('button', { name: /^Report/ }).click();
    const dialog = par.page.getByRole('dialog', { name: 'Report a message' });
    await dialog.getByLabel('What is wrong? (optional)').fill('test report');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await par.page.locator('#main').getByText('Thank you. The facilitators have been told.').waitFor();
    await fac.page.locator('#main .reports').getByText('Robin reported a message').waitFor();
  });

  it('a removed participant is told why and is not reconnected to the room', async () => {
    const panel = fac.page.getByRole('region', { name: 'Facilitator tools' });
    await panel.getByRole('button', { name: 'Remove Robin' }).click();
    await par.page.getByRole('heading', { name: 'You are no longer in this room' }).waitFor();
    await par.page.locator('#main').getByText('A facilitator removed you from the room.').waitFor();
    await screenshot(par.page, '26-removed-phone');
    assert.deepEqual(await axeViolations(par.page), []);
    await fac.page.locator('#announcer-polite', { hasText: 'Robin left' }).waitFor({ state: 'attached' });
    assert.equal(await fac.page.locator('.roster-entry', { hasText: 'Robin' }).count(), 0);
    assert.deepEqual(par.errors, []);
    assert.deepEqual(fac.errors, []);
  });
});
