#!/usr/bin/env node
// Runs `npm run build` only when a source or build setting changed since the last successful build,
// so `npm run cli -- …`, `npm start` and `npm run start:worker` start at once when nothing changed.
// With --console it also builds the web console (apps/console, Vite) into dist/console when its
// sources changed: `npm start` serves it at `/`.
// Usage: node infra/build-if-changed.mjs [--console]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist/.build-stamp');
const inputs = ['apps', 'libs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const consoleStamp = join(root, 'dist/console/.build-stamp');
const consoleInputs = ['apps/console', 'package.json', 'package-lock.json'];
const SOURCE = /\.(ts|tsx|mts|json|css|html)$/;

/** The newest modification time under a file or folder (sources and settings only). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    if (entry.isDirectory() || SOURCE.test(entry.name)) latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

/** Runs `npm run <script>` when any input is newer than the stamp, then renews the stamp. */
function buildIfChanged(script, stampPath, inputPaths) {
  const built = existsSync(stampPath) ? statSync(stampPath).mtimeMs : 0;
  const changed = Math.max(...inputPaths.map((input) => newest(join(root, input))));
  if (built !== 0 && changed < built) return;
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampPath, `${new Date(started).toISOString()}\n`);
}

buildIfChanged('build', stamp, inputs);
if (process.argv.includes('--console')) buildIfChanged('build:console', consoleStamp, consoleInputs);
