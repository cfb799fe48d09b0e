// Video (issue 8) in two real Chromium browsers with fake camera and mic, through the web app and
// the server's signalling: each side decodes the other's video (inbound-rtp framesDecoded rising);
// a facilitator force-mutes the participant's mic and the facilitator stops receiving their audio
// (inbound-rtp packetsReceived flat across a sampled window); removal closes the peer connection
// on both sides. Every wait polls with a generous deadline: CI machines are small and busy.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, createRoom } from './support/server.js';
import { openBrowser, screenshot, axeViolations, FAKE_MEDIA_ARGS, PHONE, DESKTOP } from './support/browser.js';
import { signIn, joinRoom, waitFor } from './support/flows.js';

const ROOM = 'Evening video circle';
const MEDIA_DEADLINE = 90_000;

/** Keeps every RTCPeerConnection the page creates in window.__pcs (for getStats), before the app loads. */
function trackPeerConnections() {
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); window.__pcs.push(this); }
  };
}

/** Sums an inbound-rtp counter of one kind over the page's open peer connections. */
function inbound(page, kind, field) {
  return page.evaluate(async ({ kind, field }) => {
    let total = 0;
    for (const pc of window.__pcs) {
      if (pc.signalingState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === kind) total += s[field] ?? 0; });
    }
    return total;
  }, { kind, field });
}

/** Waits until a counter is above zero and then rises again (frames keep coming, not a burst). */
async function rising(page, kind, field, what) {
  let first = 0;
  await waitFor(async () => (first = await inbound(page, kind, field)) > 0, `${what}: first ${field}`, MEDIA_DEADLINE);
  await waitFor(async () => (await inbound(page, kind, field)) > first, `${what}: ${field} rising`, MEDIA_DEADLINE);
}

/**
 * Waits until a counter stops: two samples a window apart are equal. The window is a measurement
 * (how long "nothing arrives" must last), not a synchronisation sleep; it repeats until the deadline.
 */
async function stopsRising(page, kind, field, what, windowMs = 2_000) {
  let before = await inbound(page, kind, field);
  const deadline = Date.now() + MEDIA_DEADLINE;
  for (;;) {
    await new Promise((r) => setTimeout(r, windowMs));
    const now = await inbound(page, kind, field);
    if (now === before) return now;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${field} still rising (${before} → ${now})`);
    before = now;
  }
}

/** State of the page's peer connections: [{ signalingState, connectionState }]. */
function peerStates(page) {
  return page.evaluate(() => window.__pcs.map((pc) => ({ signalingState: pc.signalingState, connectionState: pc.connectionState })));
}

describe('web app: video between two browsers', () => {
  let server, fac, par;

  /** Runs a test body; on failure keeps screenshots and what each page saw, for the CI log. */
  const step = (body) => async () => {
    try {
      await body();
    } catch (error) {
      for (const [who, b] of [['facilitator', fac], ['participant', par]]) {
        if (!b) continue;
        await screenshot(b.page, `video-failure-${who}`).catch(() => { });
        const seen = await b.page.evaluate(() => ({
          roster: [...document.querySelectorAll('.roster-entry')].map((e) => e.textContent),
          tiles: [...document.querySelectorAll('.video-tile .tile-name')].map((e) => e.textContent),
          status: document.querySelector('.connection')?.textContent,
          pcs: (window.__pcs ?? []).map((pc) => `${pc.signalingState}/${pc.connectionState}`),
        })).catch((e) => String(e));
        console.error(`[video.spec] ${who} saw`, JSON.stringify(seen), b.errors.map(String), 'events:', b.events.join(','), 'console:', b.console);
      }
      console.error('[video.spec] server output (tail):\n' + server?.output().slice(-4000));
      throw error;
    }
  };

  before(async () => {
    server = await startServer();
    await createRoom(server.baseUrl, {
      name: ROOM, facilitators: ['vfac-1'], guidelines: 'Cameras are optional.', policy: { requireFacilitatorToStart: false },
    });
    fac = await openBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP, args: FAKE_MEDIA_ARGS });
    par = await openBrowser({ baseUrl: server.baseUrl, viewport: PHONE, args: FAKE_MEDIA_ARGS });
    for (const b of [fac, par]) {
      b.context.setDefaultTimeout(30_000);
      await b.context.addInitScript(trackPeerConnections);
      // Which hub events reached the page (names only), for the failure report.
      b.events = [];
      b.console = [];
      b.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') b.console.push(m.text()); });
      b.page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString('latin1');
        for (const m of text.matchAll(/(Participant\w+|Video\w+|RoomStateChanged|RoomClosed)/g)) b.events.push(m[1]);
      }));
    }
    await signIn(fac.page, '/', 'vfac-1', 'Facilitator');
    await joinRoom(fac.page, ROOM, 'Coach Sam');
    await signIn(par.page, '/', 'vpar-1', 'Participant');
    await joinRoom(par.page, ROOM, 'Robin');
  });

  after(async () => {
    await fac?.close();
    await par?.close();
    await server?.stop();
  });

  it('both join the video, turn on camera and mic, and each decodes the other\'s video', step(async () => {
    for (const { page } of [fac, par]) {
      const video = page.getByRole('region', { name: 'Video' });
      await video.getByRole('button', { name: 'Join video' }).click();
      await video.getByRole('button', { name: 'Turn camera on' }).click();
      await video.getByRole('button', { name: 'Turn camera off' }).waitFor();
      await video.getByRole('button', { name: 'Turn mic on' }).click();
      await video.getByRole('button', { name: 'Turn mic off' }).waitFor();
    }
    // Tiles carry the pseudonym only.
    await fac.page.locator('.video-tile .tile-name', { hasText: 'Robin' }).waitFor();
    await par.page.locator('.video-tile .tile-name', { hasText: 'Coach Sam' }).waitFor();

    await rising(fac.page, 'video', 'framesDecoded', 'facilitator decodes the participant');
    await rising(par.page, 'video', 'framesDecoded', 'participant decodes the facilitator');
    await rising(fac.page, 'audio', 'packetsReceived', 'facilitator hears the participant');
    await screenshot(fac.page, '40-video-desktop');
    await screenshot(par.page, '41-video-phone');
    assert.deepEqual(await axeViolations(par.page), []);
    assert.deepEqual(await axeViolations(fac.page), []);
    assert.equal(await par.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'fits 375 px');

    // Right to left: the panel mirrors, still fits the phone, stays accessible; streams keep playing.
    await par.page.getByLabel('Language').selectOption('ar');
    await par.page.getByRole('region', { name: 'الفيديو' }).getByRole('button', { name: 'إيقاف الكاميرا' }).waitFor();
    assert.equal(await par.page.evaluate(() => document.documentElement.dir), 'rtl');
    await rising(par.page, 'video', 'framesDecoded', 'participant decodes the facilitator after re-rendering');
    assert.equal(await par.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'fits 375 px in Arabic');
    await screenshot(par.page, '41-video-phone-ar');
    assert.deepEqual(await axeViolations(par.page), []);
    await par.page.getByLabel('اللغة').selectOption('en');
    await par.page.getByRole('region', { name: 'Video' }).waitFor();
  }));

  it('a facilitator force-mutes the participant\'s mic: their audio stops reaching the facilitator, their toggle is disabled', step(async () => {
    const tile = fac.page.locator('.video-tile', { hasText: 'Robin' });
    await tile.getByRole('button', { name: 'Mute mic Robin' }).click();
    await tile.getByRole('button', { name: 'Allow mic Robin' }).waitFor();

    const video = par.page.getByRole('region', { name: 'Video' });
    await video.getByText('A facilitator turned your mic off.').waitFor();
    assert.equal(await video.getByRole('button', { name: 'Turn mic on' }).isDisabled(), true);
    await video.getByRole('button', { name: 'Ask to unmute mic' }).waitFor();

    // The participant's side: no track on the audio sender, and it no longer offers to send audio.
    await waitFor(() => par.page.evaluate(() => window.__pcs.filter((pc) => pc.signalingState !== 'closed').every((pc) =>
      pc.getTransceivers().filter((t) => t.receiver.track.kind === 'audio').every((t) => t.sender.track === null && t.direction === 'recvonly'))),
    'participant audio sender cleared', MEDIA_DEADLINE);
    await stopsRising(fac.page, 'audio', 'packetsReceived', 'participant audio stops at the facilitator');
    // Video still flows: only the mic was turned off.
    await rising(fac.page, 'video', 'framesDecoded', 'participant video continues');
    await screenshot(par.page, '42-video-mic-forced-phone');
    assert.deepEqual(await axeViolations(par.page), []);
  }));

  it('a facilitator spotlights the participant: both see it; then lowers every raised hand at once', step(async () => {
    const tile = fac.page.locator('.video-tile', { hasText: 'Robin' });
    await tile.getByRole('button', { name: 'Spotlight Robin' }).click();
    await fac.page.locator('.video-tile.spotlight', { hasText: 'Robin' }).waitFor();
    await par.page.locator('.video-tile.self.spotlight').waitFor();
    await tile.getByRole('button', { name: 'End spotlight Robin' }).click();
    await par.page.locator('.video-tile.self.spotlight').waitFor({ state: 'detached' });

    await par.page.getByRole('button', { name: 'Raise hand' }).click();
    await par.page.getByRole('button', { name: 'Lower hand' }).waitFor();
    await fac.page.getByRole('region', { name: 'Facilitator tools' }).getByRole('button', { name: 'Lower all hands' }).click();
    await par.page.getByRole('button', { name: 'Raise hand' }).waitFor();
  }));

  it('removing the participant from the video closes the peer connection on both sides; they stay in the room', step(async () => {
    const tile = fac.page.locator('.video-tile', { hasText: 'Robin' });
    await tile.getByRole('button', { name: 'Remove from video Robin' }).click();
    const video = par.page.getByRole('region', { name: 'Video' });
    await video.getByText('A facilitator took you out of the video. You can still use the chat.').waitFor();
    await video.getByRole('button', { name: 'Join video' }).waitFor();
    await waitFor(async () => (await peerStates(par.page)).every((s) => s.signalingState === 'closed' && s.connectionState === 'closed'), 'participant connections closed', MEDIA_DEADLINE);
    await waitFor(async () => (await peerStates(fac.page)).every((s) => s.signalingState === 'closed' && s.connectionState === 'closed'), 'facilitator connection closed', MEDIA_DEADLINE);
    await tile.waitFor({ state: 'detached' });
    assert.equal(await par.page.evaluate(() => document.querySelectorAll('video').length), 0, 'camera and mic released');
    await par.page.getByLabel('Message', { exact: true }).waitFor();
    assert.deepEqual(await axeViolations(par.page), []);
  }));

  it('the participant joins the video again; removal from the room closes it on both sides', step(async () => {
    const video = par.page.getByRole('region', { name: 'Video' });
    await video.getByRole('button', { name: 'Join video' }).click();
    await video.getByRole('button', { name: 'Turn camera on' }).click();
    await rising(fac.page, 'video', 'framesDecoded', 'facilitator decodes the participant again');

    const pcsBefore = (await peerStates(fac.page)).filter((s) => s.signalingState !== 'closed').length;
    assert.ok(pcsBefore >= 1);
    const panel = fac.page.getByRole('region', { name: 'Facilitator tools' });
    await panel.getByRole('button', { name: 'Remove Robin' }).click();
    await par.page.getByRole('heading', { name: 'You are no longer in this room' }).waitFor();
    await waitFor(async () => (await peerStates(par.page)).every((s) => s.signalingState === 'closed' && s.connectionState === 'closed'), 'participant connections closed', MEDIA_DEADLINE);
    await waitFor(async () => (await peerStates(fac.page)).every((s) => s.signalingState === 'closed' && s.connectionState === 'closed'), 'facilitator connection closed', MEDIA_DEADLINE);
    await fac.page.locator('.video-tile', { hasText: 'Robin' }).waitFor({ state: 'detached' });
    // The participant's camera and mic were released.
    assert.equal(await par.page.evaluate(() => document.querySelectorAll('video').length), 0);
    assert.deepEqual(par.errors, []);
    assert.deepEqual(fac.errors, []);
  }));
});
