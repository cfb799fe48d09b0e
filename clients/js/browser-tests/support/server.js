// Starts a real PeerRooms server process for the browser tests: the Release build output, on a free
// 127.0.0.1 port, in Development (dev tokens), with a fresh data directory. Stopped by stop().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const binDir = join(repoRoot, 'src/PeerRooms.Server/bin/Release/net10.0');
const serverDll = join(binDir, 'PeerRooms.Server.dll');

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolvePort(port)); });
  });
}

/**
 * @param {{ port?: number, dataDirectory?: string }} [options] reuse both to restart "the same" server
 */
export async function startServer(options = {}) {
  if (!existsSync(serverDll)) throw new Error(`${serverDll} is missing: run dotnet build -c Release first`);
  const port = options.port ?? await freePort();
  // The "peerrooms-test-" prefix lets test.sh's clean-up find a server a crashed test left behind.
  const dataDirectory = options.dataDirectory ?? mkdtempSync(join(tmpdir(), 'peerrooms-test-web-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [serverDll, `--PeerRooms:DataDirectory=${dataDirectory}`], {
    cwd: binDir,
    env: { ...process.env, ASPNETCORE_URLS: baseUrl, ASPNETCORE_ENVIRONMENT: 'Development', PeerRooms__DataDirectory: dataDirectory, DOTNET_NOLOGO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((r) => child.once('exit', r));

  // Waiting for an external process: poll its health endpoint with a deadline.
  const deadline = Date.now() + 120_000; // generous: CI machines are small and busy
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try { if ((await fetch(`${baseUrl}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server did not start in time:\n${output}`); }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    baseUrl, port, dataDirectory,
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!keepData) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** A dev token straight from the API (for setting up rooms as an admin). */
export async function devToken(baseUrl, userId, roles) {
  const res = await fetch(`${baseUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, roles }) });
  if (!res.ok) throw new Error(`dev token: ${res.status}`);
  return (await res.json()).token;
}

/** Creates a room as an admin and returns it. */
export async function createRoom(baseUrl, room) {
  const token = await devToken(baseUrl, 'admin-setup', ['admin']);
  const res = await fetch(`${baseUrl}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(room) });
  if (!res.ok) throw new Error(`create room: ${res.status} ${await res.text()}`);
  return res.json();
}
