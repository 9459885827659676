import { SqliteEventStore } from '@ruamjai/event-store';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planEvents } from './rebuild.bench';

/** The API's memory when its log holds `events` events, once its views have caught up. */
export interface MemoryFigure {
  events: number;
  /** Resident set of the API process, its projection thread and the store's writer thread included. */
  rssMb: number;
  /** The most it was resident at any time so far (VmHWM). */
  peakMb: number;
  /** From the last append to every projection's checkpoint at the head of the log. */
  catchUpSeconds: number;
  /** The main thread's V8 heap in use and its memory outside the heap (buffers, native), from /metrics. */
  heapUsedMb: number;
  externalMb: number;
}

/**
 * (k) The API's resident memory as its log grows: a real API process (dist/apps/api/src/main.js) on
 * a fresh data folder, while this process appends plans of 50 events (one append each: a drafting,
 * then 49 projects) to the same events file, as a second writer would. At each milestone it waits
 * until /health shows every projection at the head, reads 50 plan views (so read paths and caches
 * are warm; not the list of every plan, one answer that grows with the log), lets the process settle for a second, and reads VmRSS and VmHWM from
 * /proc. Nothing is kept per event or per stream without a bound, so RSS should stay flat.
 */
export async function memoryFigures(root: string, dataDir: string, milestones: number[]): Promise<MemoryFigure[]> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
  try {
    await until(60_000, 'the API to answer /health', async () => (await health(base)) !== undefined, child);
    const key = await loadOrCreateSigningKey(dataDir);
    const token = await issueToken(
      key,
      { sub: 'bench', agency: 'PSDHS-SK', role: 'coordinator' },
      'ruamjai',
      'ruamjai-api',
    );
    const headers = { authorization: `Bearer ${token}` };
    const figures: MemoryFigure[] = [];
    const planIds: string[] = [];
    let written = 0;
    for (const target of milestones) {
      const appends: Promise<unknown>[] = [];
      while (written < target) {
        const planId = randomUUID();
        planIds.push(planId);
        appends.push(store.append(`plan-${planId}`, planEvents(planId, true, 50), { expected: 'no_stream' }));
        written += 50;
        // A few appends in flight at a time, like several writers; the store batches them.
        if (appends.length >= 8) await Promise.all(appends.splice(0));
      }
      await Promise.all(appends);
      const head = (await store.headPosition()) ?? 0n;
      const wrote = performance.now();
      await until(
        600_000,
        `every projection at position ${head}`,
        async () => {
          const checkpoints = (await health(base))?.projections?.checkpoints ?? {};
          const positions = Object.values(checkpoints).map((p) => BigInt(p));
          return positions.length > 0 && positions.every((p) => p >= head);
        },
        child,
      );
      const catchUpSeconds = (performance.now() - wrote) / 1000;
      for (let i = 0; i < 50; i++) {
        await read(`${base}/api/v1/plans/${planIds[Math.floor(Math.random() * planIds.length)]}`, headers);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const metrics = await (await fetch(`${base}/metrics`, { headers })).text();
      figures.push({
        heapUsedMb: gauge(metrics, 'ruamjai_nodejs_heap_size_used_bytes') / 2 ** 20,
        externalMb: gauge(metrics, 'ruamjai_nodejs_external_memory_bytes') / 2 ** 20,
        events: written,
        rssMb: kib(status, 'VmRSS') / 1024,
        peakMb: kib(status, 'VmHWM') / 1024,
        catchUpSeconds,
      });
    }
    return figures;
  } finally {
    await store.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}

interface Health {
  projections?: { checkpoints?: Record<string, string> };
}

async function health(base: string): Promise<Health | undefined> {
  try {
    const response = await fetch(`${base}/health`);
    return (await response.json()) as Health;
  } catch {
    return undefined;
  }
}

async function read(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

async function until(ms: number, what: string, done: () => Promise<boolean>, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}) while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function gauge(metrics: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)`, 'm').exec(metrics);
  if (!match) throw new Error(`no ${name} in /metrics`);
  return Number(match[1]);
}

function kib(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc status`);
  return Number(match[1]);
}
