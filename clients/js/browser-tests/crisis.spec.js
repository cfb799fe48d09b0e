// Crisis escalation end to end, in browsers against a real server: a participant writes that they
// are in danger; their facilitator is alerted; the crisis console pages the staff member, who claims
// the case, acknowledges it and writes privately; the participant sees the private support panel and
// answers; the staff member resolves the case. Skipped (naming why) on a server without /hubs/crisis.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createRoom, devToken } from './support/server.js';
import { openBrowser, screenshot, axeViolations, PHONE, DESKTOP } from './support/browser.js';
import { signIn, joinRoom, send, message } from './support/flows.js';

const ROOM = 'Evening circle';

describe('web app: crisis escalation', () => {
  let server, staff, fac, par, supported = false;

  before(async () => {
    server = await startServer();
    const token = await devToken(server.baseUrl, 'probe', ['crisis-staff']);
    const negotiate = await fetch(`${server.baseUrl}/hubs/crisis/negotiate?negotiateVersion=1`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    supported = negotiate.status !== 404;
    if (!supported) return;
    await createRoom(server.baseUrl, { name: ROOM, facilitators: ['fac-3'], policy: { requireFacilitatorToStart: false } });
    staff = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    fac = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    par = await openBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    await signIn(staff.page, '/crisis', 'staff-1', 'Crisis staff');
    await staff.page.getByText('No open pages.', { exact: false }).waitFor();
    await signIn(fac.page, '/', 'fac-3', 'Facilitator');
    await joinRoom(fac.page, ROOM, 'Coach Lee');
    await signIn(par.page, '/', 'par-3', 'Participant');
    await joinRoom(par.page, ROOM, 'Sky');
  });

  after(async () => {
    await staff?.close();
    await fac?.close();
    await par?.close();
    await server?.stop();
  });

  it('a crisis message alerts the facilitator and pages the crisis console', async (t) => {
    if (!supported) return t.skip('the server has no crisis hub yet');
    await send(par.page, 'I want to kill myself tonight');
    await fac.page.locator('.alerts').getByText('Sky may be at risk', { exact: false }).waitFor();
    const card = staff.page.locator('.case', { hasText: 'Sky' });
    await card.waitFor();
    await staff.page.locator('#announcer-alert', { hasText: 'New page: Sky' }).waitFor({ state: 'attached' });
    await card.getByText('I want to kill myself tonight').waitFor();
    await screenshot(staff.page, '30-crisis-page');
    await screenshot(fac.page, '31-facilitator-alert');
    assert.deepEqual(await axeViolations(staff.page), []);
  });

  it('staff claim and acknowledge the case and write to the participant privately', async (t) => {
    if (!supported) return t.skip('the server has no crisis hub yet');
    const card = staff.page.locator('.case', { hasText: 'Sky' });
    await card.getByRole('button', { name: 'Claim' }).click();
    await card.getByText('Claimed by you').waitFor();
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await card.getByText('State: acknowledged').waitFor();
    await card.getByRole('textbox', { name: 'Private message' }).fill('Hi Sky, I am here with you. Are you safe right now?');
    await card.getByRole('button', { name: 'Send' }).click();
    const support = par.page.getByRole('region', { name: 'Private support' });
    await support.getByText('Are you safe right now?').waitFor();
    await support.getByRole('textbox', { name: 'Your reply' }).fill('Not really. Thank you for writing.');
    await support.getByRole('button', { name: 'Send reply' }).click();
    await card.getByText('Not really. Thank you for writing.').waitFor();
    assert.equal(await message(fac.page, 'Are you safe').count(), 0, 'the room never sees the private channel');
    await screenshot(par.page, '32-private-support-phone');
    await screenshot(staff.page, '33-crisis-claimed');
    assert.deepEqual(await axeViolations(par.page), []);
  });

  it('"I need help now" asks for help and shows the resources card', async (t) => {
    if (!supported) return t.skip('the server has no crisis hub yet');
    await par.page.getByRole('button', { name: 'I need help now' }).click();
    const dialog = par.page.getByRole('dialog', { name: 'Help is available' });
    await dialog.getByText('The crisis team has been told.', { exact: false }).waitFor();
    await screenshot(par.page, '34-help-requested-phone');
    await par.page.keyboard.press('Escape');
  });

  it('staff resolve the case with an outcome and it leaves the console', async (t) => {
    if (!supported) return t.skip('the server has no crisis hub yet');
    const card = staff.page.locator('.case', { hasText: 'Sky' });
    await card.getByLabel('Outcome').selectOption('referred_to_crisis_line');
    await card.getByRole('button', { name: 'Resolve' }).click();
    await card.waitFor({ state: 'detached' });
    assert.deepEqual(staff.errors, []);
    assert.deepEqual(par.errors, []);
  });
});
