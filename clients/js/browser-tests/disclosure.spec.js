// Safe disclosure in browsers against a real server: a participant joins sharing pronouns with
// everyone and a community tag with facilitators only; the facilitator sees both, another participant
// only the pronouns; a message with a content warning arrives collapsed; a facilitators-only message
// reaches the facilitator only; the author retracts a message and it disappears everywhere.
// Runs when the app's disclosure feature is on (app/features.js), i.e. once the server has it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { features } from '../app/features.js';
import { startServer, createRoom } from './support/server.js';
import { openBrowser, screenshot, axeViolations, PHONE, DESKTOP } from './support/browser.js';
import { signIn, message, send } from './support/flows.js';

const ROOM = 'Sunday circle';
const skip = features.disclosure ? false : 'the disclosure feature is not on main yet (app/features.js)';

describe('web app: safe disclosure', { skip }, () => {
  let server, fac, par, other;

  before(async () => {
    server = await startServer();
    await createRoom(server.baseUrl, { name: ROOM, facilitators: ['fac-4'], policy: { requireFacilitatorToStart: false } });
    fac = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    par = await openBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    other = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
  });

  after(async () => {
    for (const b of [fac, par, other]) await b?.close();
    await server?.stop();
  });

  async function join(page, pseudonym, fill) {
    await page.getByRole('button', { name: `Join ${ROOM}` }).click();
    await page.getByLabel('I have read and accept these guidelines').check();
    await page.getByLabel('Your name in this room').fill(pseudonym);
    await fill?.();
    await page.getByRole('button', { name: 'Join the room' }).click();
    // Exact: the join screen's "Before you join <room>" would match too (see support/flows.js).
    await page.getByRole('heading', { level: 1, name: ROOM, exact: true }).waitFor();
  }

  it('each attribute reaches only the audience it was shared with', async () => {
    await signIn(fac.page, '/', 'fac-4', 'Facilitator');
    await join(fac.page, 'Coach Kim');
    await signIn(other.page, '/', 'par-5', 'Participant');
    await join(other.page, 'Jordan');
    await signIn(par.page, '/', 'par-4', 'Participant');
    await join(par.page, 'Alex', async () => {
      const page = par.page;
      await page.getByLabel('Pronouns').fill('they/them');
      await page.locator('select[name="pronouns-audience"]').selectOption('everyone');
      await page.getByLabel('Communities you identify with (comma separated)').fill('LGBTQ+');
      await page.locator('select[name="identity-tag-audience"]').selectOption('facilitators');
      await screenshot(page, '40-join-disclosure-phone');
      assert.deepEqual(await axeViolations(page), []);
    });
    const facEntry = fac.page.locator('.roster-entry', { hasText: 'Alex' });
    await facEntry.getByText('they/them').waitFor();
    await facEntry.getByText('LGBTQ+').waitFor();
    const otherEntry = other.page.locator('.roster-entry', { hasText: 'Alex' });
    await otherEntry.getByText('they/them').waitFor();
    assert.equal(await otherEntry.getByText('LGBTQ+').count(), 0, 'a facilitators-only attribute never reaches participants');
  });

  it('content warnings arrive collapsed; facilitators-only messages reach facilitators only', async () => {
    const page = par.page;
    await page.getByText('Add a content warning').click();
    await page.getByRole('checkbox', { name: 'Grief' }).check();
    await send(page, 'My dad died last month.');
    const cw = other.page.locator('.content-warning', { hasText: 'Content warning: Grief' });
    await cw.waitFor();
    assert.equal(await cw.evaluate((el) => el.open), false, 'collapsed until the reader opens it');
    await page.getByLabel('Share with').selectOption('facilitators');
    await send(page, 'Only for the facilitator: I am struggling.');
    await message(fac.page, 'Only for the facilitator').waitFor();
    await fac.page.getByText('Only facilitators see this').first().waitFor();
    await message(page, 'Only for the facilitator').waitFor();
    assert.equal(await message(other.page, 'Only for the facilitator').count(), 0);
    await screenshot(other.page, '41-content-warning');
  });

  it('the author retracts a message and it disappears for everyone', async () => {
    await par.page.getByLabel('Share with').selectOption('everyone');
    await send(par.page, 'Something I regret saying');
    await message(other.page, 'Something I regret saying').waitFor();
    await par.page.locator('.message', { hasText: 'Something I regret saying' }).getByRole('button', { name: /^Retract/ }).click();
    await message(other.page, 'Something I regret saying').waitFor({ state: 'detached' });
    await message(fac.page, 'Something I regret saying').waitFor({ state: 'detached' });
    for (const b of [fac, par, other]) assert.deepEqual(b.errors, []);
  });
});
