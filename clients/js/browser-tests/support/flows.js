// Steps people take in the app, shared by the browser tests.
import { TIMEOUT } from './browser.js';

/** Signs in on the sign-in screen with a user id and role. */
export async function signIn(page, path, userId, roleLabel) {
  await page.goto(path);
  await page.getByLabel('User id').fill(userId);
  await page.getByRole('radio', { name: roleLabel }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** From the room list: join a room, accept its guidelines, choose a pseudonym. */
export async function joinRoom(page, roomName, pseudonym) {
  await page.getByRole('button', { name: `Join ${roomName}` }).click();
  await page.getByRole('heading', { level: 1, name: `Before you join ${roomName}` }).waitFor();
  await page.getByLabel('I have read and accept these guidelines').check();
  await page.getByLabel('Your name in this room').fill(pseudonym);
  await page.getByRole('button', { name: 'Join the room' }).click();
  // Exact: "Before you join <room>" also contains the room's name; wait for the room screen itself,
  // so the join has completed and the screen listens before the next person joins.
  await page.getByRole('heading', { level: 1, name: roomName, exact: true }).waitFor();
}

export async function send(page, text) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByLabel('Message', { exact: true }).press('Enter');
}

/** Waits for a message with this text to show in the conversation. */
export function message(page, text) {
  return page.locator('.messages .message-text', { hasText: text });
}

export async function waitFor(predicate, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
