// The web app in a real browser against a real server: a participant (phone width) and a
// facilitator (desktop) go through sign-in, room choice, guidelines, chat, typing and help; the
// Arabic UI renders right to left; axe-core finds no serious or critical violations on any screen.
// The facilitator tools (lobby, session, hands, mute, removal) are in facilitator-tools.spec.js.
// Crisis escalation (pages, claim, private channel) is in crisis.spec.js.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createRoom } from './support/server.js';
import { openBrowser, screenshot, axeViolations, PHONE, DESKTOP } from './support/browser.js';
import { signIn, joinRoom, send, message } from './support/flows.js';

const ROOM = 'Tuesday recovery circle';

describe('web app: participant and facilitator', () => {
  let server, fac, par;

  before(async () => {
    server = await startServer();
    await createRoom(server.baseUrl, {
      name: ROOM, description: 'A weekly peer circle.', language: 'en', capacity: 12, facilitators: ['fac-1'],
      policy: { requireFacilitatorToStart: false },
      guidelines: 'Speak from your own experience.\nWhat is shared here stays here.',
    });
    fac = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    par = await openBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
  });

  after(async () => {
    await fac?.close();
    await par?.close();
    await server?.stop();
  });

  it('a participant signs in, picks a room and reads its guidelines (phone width)', async () => {
    const page = par.page;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, '01-sign-in-phone');
    assert.deepEqual(await axeViolations(page), []);

    await signIn(page, '/', 'par-1', 'Participant');
    await page.getByRole('heading', { name: 'Choose a room' }).waitFor();
    await page.getByRole('button', { name: `Join ${ROOM}` }).waitFor();
    await screenshot(page, '02-rooms-phone');
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('button', { name: `Join ${ROOM}` }).click();
    await page.getByText('What is shared here stays here.').waitFor();
    await screenshot(page, '03-join-phone');
    assert.deepEqual(await axeViolations(page), []);
    // Nothing fits a 375 px screen badly: no horizontal scrolling.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  });

  it('the join screen explains a refused pseudonym next to the field', async () => {
    const page = par.page;
    await page.getByLabel('I have read and accept these guidelines').check();
    await page.getByLabel('Your name in this room').fill('river@example.com');
    await page.getByRole('button', { name: 'Join the room' }).click();
    await page.getByRole('alert').filter({ hasText: 'email address' }).first().waitFor();
    assert.equal(await page.getByLabel('Your name in this room').getAttribute('aria-invalid'), 'true');
    await page.getByRole('button', { name: 'Back to rooms' }).click();
  });

  it('facilitator and participant meet in the room and chat, in both directions', async () => {
    await signIn(fac.page, '/', 'fac-1', 'Facilitator');
    await joinRoom(fac.page, ROOM, 'Coach Sam');
    await fac.page.getByRole('heading', { name: 'Facilitator tools' }).waitFor();

    await joinRoom(par.page, ROOM, 'River');
    // The facilitator's roster shows the newcomer, announced in the live region.
    await fac.page.locator('.roster-entry', { hasText: 'River' }).waitFor();
    await fac.page.locator('#announcer-polite', { hasText: 'River joined' }).waitFor({ state: 'attached' });

    await send(par.page, 'Hello everyone, first time here.');
    await message(fac.page, 'Hello everyone, first time here.').waitFor();
    await message(par.page, 'Hello everyone, first time here.').waitFor();

    // Right-to-left text in a left-to-right UI keeps its own direction.
    await send(fac.page, 'مرحبا بالجميع، أهلا بك River');
    const arabic = message(par.page, 'مرحبا بالجميع');
    await arabic.waitFor();
    assert.equal(await arabic.getAttribute('dir'), 'auto');
    assert.equal(await arabic.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await par.page.locator('#announcer-polite', { hasText: 'Coach Sam: مرحبا' }).waitFor({ state: 'attached' });

    await screenshot(fac.page, '04-room-facilitator-desktop');
    await screenshot(par.page, '05-room-participant-phone');
    assert.deepEqual(await axeViolations(par.page), []);
    assert.deepEqual(await axeViolations(fac.page), []);
    assert.equal(await par.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  });

  it('typing shows to the others, named', async () => {
    await par.page.getByLabel('Message', { exact: true }).pressSequentially('I wanted to say');
    await fac.page.getByText('River is typing…').waitFor();
    await par.page.getByLabel('Message', { exact: true }).fill('');
  });

  it('"I need help now" is one tap away and opens a private card; Escape closes it', async () => {
    const page = par.page;
    await page.getByRole('button', { name: 'I need help now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Help is available' });
    await dialog.waitFor();
    await dialog.getByText('Only you can see this.').waitFor();
    await screenshot(page, '06-help-card-phone');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('works with the keyboard alone: tab to the composer, type, Enter sends', async () => {
    const page = fac.page;
    await page.getByRole('button', { name: 'Leave room' }).focus();
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.name === 'message')); i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.name), 'message');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.type('Welcome, River.');
    await page.keyboard.press('Enter');
    await message(par.page, 'Welcome, River.').waitFor();
  });

  it('the Arabic UI renders right to left', async () => {
    const page = par.page;
    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('button', { name: 'أحتاج إلى مساعدة الآن' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    // Latin text in an Arabic UI keeps left-to-right.
    const latin = message(page, 'Welcome, River.');
    assert.equal(await latin.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    await screenshot(page, '07-room-arabic-phone');
    assert.deepEqual(await axeViolations(page), []);

    await fac.page.getByLabel('Language').selectOption('ar');
    await fac.page.getByRole('heading', { name: 'أدوات الميسّر' }).waitFor();
    await screenshot(fac.page, '08-room-arabic-facilitator-desktop');
    await fac.page.getByLabel('اللغة').selectOption('es');
    await fac.page.getByRole('heading', { name: 'Herramientas de facilitación' }).waitFor();
    assert.equal(await fac.page.evaluate(() => document.documentElement.dir), 'ltr');
    await screenshot(fac.page, '09-room-spanish-facilitator-desktop');
    await fac.page.getByLabel('Idioma').selectOption('en');
    await page.getByLabel('اللغة').selectOption('en');
  });

  it('leaving the room updates the facilitator roster', async () => {
    await par.page.getByRole('button', { name: 'Leave room' }).click();
    await par.page.getByRole('heading', { name: 'Choose a room' }).waitFor();
    await fac.page.locator('#announcer-polite', { hasText: 'River left' }).waitFor({ state: 'attached' });
    assert.equal(await fac.page.locator('.roster-entry', { hasText: 'River' }).count(), 0);
    assert.deepEqual(par.errors, []);
    assert.deepEqual(fac.errors, []);
  });

});

describe('crisis console', () => {
  let server, staff;
  before(async () => {
    server = await startServer();
    staff = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
  });
  after(async () => { await staff?.close(); await server?.stop(); });

  it('crisis staff sign in at /crisis and see the live pages list', async () => {
    const page = staff.page;
    await signIn(page, '/crisis', 'crisis-1', 'Crisis staff');
    await page.getByRole('heading', { level: 1, name: 'Crisis console' }).waitFor();
    await page.getByRole('heading', { name: 'Live pages' }).waitFor();
    await screenshot(page, '10-crisis-console');
    assert.deepEqual(await axeViolations(page), []);
  });

});
