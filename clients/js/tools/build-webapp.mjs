#!/usr/bin/env node
// Builds the web app (clients/js/app) into the server's static files:
//   node tools/build-webapp.mjs [--out <dir>]   (default ../../src/PeerRooms.Server/wwwroot/dist)
// Called by the server's MSBuild target (src/PeerRooms.Server/WebApp.targets) when an input changed.
// Safe to run concurrently: one run at a time holds a lock; each run installs npm packages only when
// package-lock.json is newer than the installed tree, writes the bundles to a temporary folder and
// renames them into place, so a server reading the folder never sees half a file.
// Uses only Node built-ins until the packages are installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(root, '../../src/PeerRooms.Server/wwwroot/dist'));
const lockDir = join(root, 'node_modules.lock');
const LOCK_STALE_MS = 10 * 60_000;

async function withLock(work) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try { mkdirSync(lockDir); break; } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A run that crashed leaves its lock behind; after a generous time it is taken over.
      try { if (Date.now() - statSync(lockDir).mtimeMs > LOCK_STALE_MS) { rmSync(lockDir, { recursive: true, force: true }); continue; } } catch { continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try { return await work(); } finally { rmSync(lockDir, { recursive: true, force: true }); }
}

function packagesStale() {
  const installed = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(installed) || !existsSync(join(root, 'node_modules/esbuild/package.json'))) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.error})`);
}

async function build() {
  if (packagesStale()) {
    console.log('PeerRooms web app: npm ci');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
  const esbuild = await import(pathToFileURL(join(root, 'node_modules/esbuild/lib/main.js')).href);
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await esbuild.build({
    entryPoints: { app: join(root, 'app/main.js'), 'app-styles': join(root, 'app/styles/app.css') },
    outdir: tmp,
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  // Cache busting: index.html refers to the bundles with a content hash.
  const hash = createHash('sha256');
  for (const f of readdirSync(tmp).sort()) hash.update(readFileSync(join(tmp, f)));
  const version = hash.digest('hex').slice(0, 12);
  writeFileSync(join(tmp, 'index.html'), readFileSync(join(root, 'app/index.html'), 'utf8').replaceAll('{{version}}', version));

  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(out, f));
  rmSync(tmp, { recursive: true, force: true });
  // Written last: MSBuild compares it with the inputs to decide whether to run again.
  writeFileSync(join(out, '.stamp'), `${version}\n`);
  console.log(`PeerRooms web app: built ${version} into ${out}`);
}

withLock(build).catch((error) => { console.error(`PeerRooms web app build failed: ${error.message}`); process.exit(1); });
