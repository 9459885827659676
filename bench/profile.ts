import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/** A V8 CPU profile as `node --cpu-prof` writes it (one file per thread). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a thread's time went, by part of the program: milliseconds and shares of the whole. */
export interface Breakdown {
  file: string;
  totalMs: number;
  parts: { part: string; ms: number; share: number }[];
}

/**
 * The parts a command's time is put in, tried in order on the function a sample was taken in (its
 * own time, not its callees'). The first that matches wins; what none matches is "other".
 */
const PARTS: { part: string; matches: (url: string, fn: string) => boolean }[] = [
  { part: 'waiting (idle: thread hand-offs, disk syncs, sockets)', matches: (_u, fn) => fn === '(idle)' },
  { part: 'garbage collection', matches: (_u, fn) => fn === '(garbage collector)' },
  { part: 'JSON parse and stringify', matches: (u, fn) => u === '' && (fn === 'parse' || fn === 'stringify') },
  { part: 'idempotency records', matches: (u) => u.includes('idempotency') },
  {
    part: 'validation (class-validator, class-transformer)',
    matches: (u) => /class-validator|class-transformer|\/validator\//.test(u),
  },
  { part: 'token check (jose)', matches: (u) => u.includes('/jose/') },
  {
    part: 'hashing (audit chain, ETags)',
    matches: (u, fn) => u.includes('audit-chain') || /^(createHash|update|digest)$/.test(fn),
  },
  { part: 'event store client (incl. hand-off to the writer thread)', matches: (u) => u.includes('libs/event-store') },
  { part: 'SQLite (better-sqlite3)', matches: (u) => u.includes('better-sqlite3') },
  { part: 'queries (kysely)', matches: (u) => u.includes('/kysely/') },
  { part: 'plan views, snapshots and as-of folds', matches: (u) => u.includes('libs/planning/src/projections') },
  { part: 'domain: state load, decide, evolve', matches: (u) => /libs\/(planning|cases|identity|kernel)\//.test(u) },
  { part: 'read models and projections', matches: (u) => u.includes('libs/read-models') },
  {
    part: 'HTTP (fastify, node:http)',
    matches: (u) => /fastify|find-my-way|light-my-request|avvio|node:_http|node:http|node:net/.test(u),
  },
  { part: 'NestJS and rxjs', matches: (u) => /@nestjs|rxjs|reflect-metadata/.test(u) },
  { part: 'logging (pino)', matches: (u) => u.includes('pino') },
  { part: 'the API (apps/api)', matches: (u) => u.includes('apps/api') },
  { part: 'V8 and native code', matches: (_u, fn) => fn === '(program)' || fn === '(root)' },
  { part: 'Node internals (streams, timers, workers)', matches: (u) => u.startsWith('node:') },
];

/**
 * Each sample's own function put in its part (native code in its caller's): a profile read as shares
 * of the thread's time.
 */
export function breakdown(file: string): Breakdown {
  return breakdownOf(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, file);
}

/**
 * `run` under V8's sampling profiler on this thread (one sample a millisecond: a percent or two of
 * overhead, so the run profiled is the run measured), its time put in parts as `breakdown` does.
 */
export async function profiled<T>(run: () => Promise<T>): Promise<{ result: T; breakdown: Breakdown }> {
  const session = new Session();
  session.connect();
  const post = <R>(method: string, params?: object) =>
    new Promise<R>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as R))),
    );
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 1000 });
    await post('Profiler.start');
    const result = await run();
    const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
    return { result, breakdown: breakdownOf(profile, '(in process)') };
  } finally {
    session.disconnect();
  }
}

/** The shares as a table cell: each part of at least 2 % of the time, largest first. */
export const partsCell = (b: Breakdown): string =>
  b.parts
    .filter((p) => p.share >= 0.02)
    .map((p) => `${p.part} ${Math.round(p.share * 100)}%`)
    .join('; ');

function breakdownOf(profile: CpuProfile, file: string): Breakdown {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const own = (id: number) => {
    const { url, functionName } = byId.get(id)!.callFrame;
    return PARTS.find((p) => p.matches(url, functionName))?.part;
  };
  // Native code (a SQLite statement's run, a hash's digest) has no script of its own: its time is
  // charged to the nearest caller that belongs to a part.
  const partOf = new Map<number, string>();
  for (const node of profile.nodes) {
    let id: number | undefined = node.id;
    let part = own(id);
    while (part === undefined && byId.get(id)!.callFrame.url === '' && (id = parentOf.get(id)) !== undefined)
      part = own(id);
    partOf.set(node.id, part ?? 'other');
  }
  // The profiler's own stop: `Profiler.stop` is posted from this thread, and the samples taken while
  // it gathers the profile fall under the inspector's `post`. They are not the run's (at one sample
  // a millisecond they were most of a short run's samples, counted as Node internals).
  const profilersOwn = new Set<number>();
  for (const node of profile.nodes) {
    let id: number | undefined = node.id;
    while (id !== undefined && byId.get(id)!.callFrame.url !== 'node:inspector') id = parentOf.get(id);
    if (id !== undefined) profilersOwn.add(node.id);
  }
  const ms = new Map<string, number>();
  // timeDeltas[i] is the time before sample i: it is charged to the sample it leads to.
  profile.samples.forEach((id, i) => {
    if (profilersOwn.has(id)) return;
    const part = partOf.get(id) ?? 'other';
    ms.set(part, (ms.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = [...ms.values()].reduce((a, b) => a + b, 0);
  const parts = [...ms]
    .map(([part, t]) => ({ part, ms: t, share: totalMs > 0 ? t / totalMs : 0 }))
    .sort((a, b) => b.ms - a.ms);
  return { file, totalMs, parts };
}

/** Every thread's profile in a folder `node --cpu-prof --cpu-prof-dir` wrote, longest first. */
export function breakdowns(dir: string): Breakdown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => breakdown(join(dir, f)))
    .sort((a, b) => b.totalMs - a.totalMs);
}
