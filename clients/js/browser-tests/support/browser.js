// Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
// download), each person in their own browser with a fresh user-data-dir. Also: screenshots under
// $PEERROOMS_TEST_OUTPUT/screenshots and the axe-core accessibility check.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const TIMEOUT = 15_000;

export const screenshotDir = join(process.env.PEERROOMS_TEST_OUTPUT ?? join(repoRoot, 'test-output'), 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 820 };

/**
 * Camera and mic for WebRTC tests: Chromium's fake devices (a test pattern and a beep), permission
 * granted without a prompt, real host addresses in ICE candidates, and audio that may autoplay.
 */
export const FAKE_MEDIA_ARGS = [
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required',
];

/**
 * One person's browser: a persistent context on a fresh profile directory.
 * @param {{ viewport?: {width:number,height:number}, baseUrl: string, locale?: string, args?: string[] }} options
 */
export async function openBrowser({ viewport = DESKTOP, baseUrl, locale = 'en-US', args = [] }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'peerrooms-test-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...ARGS, ...args],
    viewport,
    locale,
    baseURL: baseUrl,
    timeout: 60_000,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  return {
    context, page, errors,
    async close() { await context.close(); rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Runs axe-core on the page; returns serious and critical violations (WCAG 2.1 A/AA rules and best practices).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
