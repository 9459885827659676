import Database from 'better-sqlite3';
import { Session } from 'node:inspector';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { configureConnection, createSchema } from '../libs/event-store/src/sqlite/sqlite-schema';
import { SqliteWriter, type SerializedEvent } from '../libs/event-store/src/sqlite/sqlite-writer';
import { interleaved, loop, type Phase } from './measure';
import { openFloorBench } from './floor.bench';
import { benchEvent, openStoreBench } from './store.bench';

/**
 * Where the gap between our appends and the SQLite floor goes, step by step, each step measured in
 * turns with the others on the same data folder (the floor's own way, bench/floor.bench.ts):
 *
 * 1. the floor as the peers define it: its one table and the peers' 232-byte payload;
 * 2. the same floor writing rows as large as ours: our stream ids, and our serialised data and
 *    metadata as its payload (what an event of ours costs SQLite, with the floor's schema);
 * 3. our writer's SQL on this thread, no worker: its schema (the append-ids table, the streams
 *    table), its savepoint per operation, its retry look-ups;
 * 4. the store as the API uses it: the writer thread, the hand-off and the serialisation.
 *
 * Each step's ratio to the one before says what that step costs. A CPU profile of step 3 says
 * where the writer's own time goes: in SQLite's commit (the log's writes and its sync) or in the
 * statements.
 */
export interface AppendGap {
  /** Events per second, single appends and 100-event appends, for each step. */
  single: Steps;
  batch: Steps;
  /** Bytes the database file holds per event, the floor's and ours. */
  floorBytesPerEvent: number;
  ourBytesPerEvent: number;
  /** Our writer's time (step 3, 100-event appends) by where it went, shares of its busy time. */
  writerProfile: { part: string; share: number }[];
}

export interface Steps {
  floor: number;
  floorOurRows: number;
  writerHere: number;
  store: number;
}

function serialize(i: number): SerializedEvent {
  const event = benchEvent(i);
  return {
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
  };
}

/** The floor's schema and transaction, with our rows' bytes: our event's data and metadata as its payload. */
function floorWithOurRows(file: string, count: number): { phase: Phase; close: () => void } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  )`);
  const current = db.prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck();
  const insert = db.prepare('INSERT INTO events (stream_id, revision, type, data) VALUES (?, ?, ?, ?)');
  const append = db.transaction((streamId: string, expected: number, events: SerializedEvent[]) => {
    const last = current.get(streamId) ?? -1;
    if (last !== expected) throw new Error(`WrongExpectedVersion: expected ${expected}, current ${last}`);
    let revision = last;
    // The same bytes as our row: id, type, data, metadata and time, in the floor's one payload column.
    for (const e of events) insert.run(streamId, ++revision, e.type, `${e.id}${e.data}${e.metadata}${Date.now()}`);
    return revision;
  });
  const stream = `bench-batch-${randomUUID()}`;
  let expected = -1;
  return {
    phase: loop(() => {
      const events = Array.from({ length: count }, (_, i) => serialize(i));
      expected = append.immediate(stream, expected, events);
      return count;
    }),
    close: () => db.close(),
  };
}

/** Our writer on this thread: the store's SQL and schema without its thread. */
function writerHere(file: string, count: number): { phase: Phase; db: Database.Database; close: () => void } {
  const db = new Database(file);
  configureConnection(db);
  createSchema(db);
  const writer = new SqliteWriter(db);
  const stream = `bench-batch-${randomUUID()}`;
  let expected = -1n;
  return {
    phase: loop(() => {
      const events = Array.from({ length: count }, (_, i) => serialize(i));
      const [result] = writer.applyBatch([
        { kind: 'append', streamId: stream, events, expected: expected < 0n ? 'no_stream' : expected },
      ]);
      if (!result.ok) throw new Error(`append refused: ${result.error.name}`);
      expected = result.nextExpectedRevision;
      return count;
    }),
    db,
    close: () => db.close(),
  };
}

function bytesPerEvent(db: Database.Database): number {
  const events = db.prepare<[], number>('SELECT COUNT(*) FROM events').pluck().get() ?? 0;
  const pages = Number(db.pragma('page_count', { simple: true }));
  const size = Number(db.pragma('page_size', { simple: true }));
  return events > 0 ? (pages * size) / events : 0;
}

/** A CPU profile of `run` on this thread, its samples put in the writer's parts. */
async function profileWriter(run: () => Promise<unknown>): Promise<{ part: string; share: number }[]> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  await run();
  const { profile } = await post<{
    profile: {
      nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
      samples: number[];
      timeDeltas: number[];
    };
  }>('Profiler.stop');
  session.disconnect();
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // better-sqlite3's exec runs BEGIN, SAVEPOINT, RELEASE and COMMIT; a commit writes the log and syncs it.
  const partOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { functionName, url } = byId.get(at)!.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') return '';
      if (functionName === '(garbage collector)') return 'garbage collection';
      if (url.includes('better-sqlite3') && functionName === 'exec')
        return 'transaction control (BEGIN, SAVEPOINT, COMMIT: the log written and synced)';
      if (url.includes('sqlite-writer')) return 'statements and checks (inserts, look-ups, streams row)';
      if (url.includes('append-gap') || url.includes('store.bench'))
        return 'making and serialising the events (the bench)';
    }
    return 'other';
  };
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const part = partOf(id);
    if (part) ms.set(part, (ms.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  return [...ms].map(([part, t]) => ({ part, share: total > 0 ? t / total : 0 })).sort((a, b) => b.share - a.share);
}

export async function appendGap(dir: string, seconds: number): Promise<AppendGap> {
  const files: string[] = [];
  const file = (name: string) => {
    const path = join(dir, `gap-${name}.sqlite`);
    files.push(path);
    return path;
  };
  const floor = openFloorBench(join(dir));
  const store = openStoreBench(dir);
  const oursSingle = floorWithOurRows(file('floor-ours-1'), 1);
  const oursBatch = floorWithOurRows(file('floor-ours-100'), 100);
  const writerSingle = writerHere(file('writer-1'), 1);
  const writerBatch = writerHere(file('writer-100'), 100);
  try {
    const [floorSingle, floorOurSingle, writerOne, storeOne] = await interleaved(seconds, 6, [
      floor.single,
      oursSingle.phase,
      writerSingle.phase,
      store.sequential,
    ]);
    const [floorBatch, floorOurBatch, writerHundred, storeHundred] = await interleaved(seconds, 6, [
      floor.batch,
      oursBatch.phase,
      writerBatch.phase,
      store.batch,
    ]);
    const floorDb = new Database(join(dir, 'floor-batch100.sqlite'), { readonly: true });
    const floorBytesPerEvent = bytesPerEvent(floorDb);
    floorDb.close();
    const writerProfile = await profileWriter(() => writerBatch.phase(performance.now() + 2_000));
    return {
      single: { floor: floorSingle, floorOurRows: floorOurSingle, writerHere: writerOne, store: storeOne },
      batch: { floor: floorBatch, floorOurRows: floorOurBatch, writerHere: writerHundred, store: storeHundred },
      floorBytesPerEvent,
      ourBytesPerEvent: bytesPerEvent(writerBatch.db),
      writerProfile,
    };
  } finally {
    for (const part of [oursSingle, oursBatch, writerSingle, writerBatch]) part.close();
    floor.close();
    await store.close();
    for (const f of files) for (const suffix of ['', '-wal', '-shm']) rmSync(`${f}${suffix}`, { force: true });
  }
}
