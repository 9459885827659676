import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { interleaved, loop, type Phase } from './measure';
import { openStoreBench, type StoreFigures } from './store.bench';

/**
 * The SQLite floor, exactly as ../shared/peers/README.md defines it (`sqlite_floor_*`): the best a
 * store can do on SQLite with the same durability as ours. better-sqlite3, WAL, synchronous=FULL
 * (set explicitly: better-sqlite3 is compiled with a WAL default of NORMAL), one table, and each
 * append one BEGIN IMMEDIATE transaction that reads MAX(revision) for the stream, checks it against
 * the expected revision and inserts. No event ids, no metadata, no writer thread, no subscribers.
 */
export interface FloorFigures {
  singleAppendsPerSecond: number;
  batchEventsPerSecond: number;
  /** Read back from the floor's connection, and the SQLite that better-sqlite3 bundles. */
  journalMode: string;
  synchronous: string;
  sqliteVersion: string;
}

// The peers' event: type ProjectAdded with this 232-byte JSON payload, the same for every store.
const eventType = 'ProjectAdded';
const eventJson = JSON.stringify({
  planId: '8f7c2d4e-0b1a-4c3d-9e8f-7a6b5c4d3e2f',
  projectId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  title: 'Outreach to border villages, Aranyaprathet',
  leadAgency: 'PSDHS-SK',
  districts: ['2703', '2706'],
  requestedSatang: 12_500_000,
});
export const FLOOR_PAYLOAD_BYTES = Buffer.byteLength(eventJson);

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

interface Floor {
  append(streamId: string, expectedRevision: number, count: number): number;
  close(): void;
  journalMode: string;
  synchronous: string;
  sqliteVersion: string;
}

function openFloor(file: string): Floor {
  const db = new Database(file);
  // Both explicit: better-sqlite3 is compiled with synchronous=NORMAL as its WAL default.
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
  const currentRevision = db.prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream_id = ?');
  currentRevision.pluck();
  const insert = db.prepare('INSERT INTO events (stream_id, revision, type, data) VALUES (?, ?, ?, ?)');
  // KurrentDB-style revisions, as in the harness: the first event is revision 0, -1 means no stream.
  const append = db.transaction((streamId: string, expectedRevision: number, count: number): number => {
    const current = currentRevision.get(streamId) ?? -1;
    if (current !== expectedRevision) {
      throw new Error(`WrongExpectedVersion: expected ${expectedRevision}, current ${current}`);
    }
    let revision = current;
    for (let i = 0; i < count; i++) insert.run(streamId, ++revision, eventType, eventJson);
    return revision;
  });
  return {
    append: (streamId, expectedRevision, count) => append.immediate(streamId, expectedRevision, count),
    close: () => db.close(),
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: SYNCHRONOUS[Number(db.pragma('synchronous', { simple: true }))] ?? 'unknown',
    sqliteVersion: String(db.prepare('SELECT sqlite_version()').pluck().get()),
  };
}

export interface FloorBench {
  /** Single appends, one after another on one stream of a fresh database. */
  single: Phase;
  /** 100-event appends, the same way on another fresh database; counted in events. */
  batch: Phase;
  journalMode: string;
  synchronous: string;
  sqliteVersion: string;
  close(): void;
}

/** The floor on two fresh files in `dir` (as the harness gives each figure its own database), with its measured phases. */
export function openFloorBench(dir: string): FloorBench {
  const files = [join(dir, 'floor-single.sqlite'), join(dir, 'floor-batch100.sqlite')];
  const [singleFloor, batchFloor] = files.map(openFloor);
  const phase = (floor: Floor, count: number): Phase => {
    let expected = -1;
    return loop(() => {
      expected = floor.append('plan-floor', expected, count);
      return count;
    });
  };
  return {
    single: phase(singleFloor, 1),
    batch: phase(batchFloor, 100),
    journalMode: singleFloor.journalMode,
    synchronous: singleFloor.synchronous,
    sqliteVersion: singleFloor.sqliteVersion,
    close: () => {
      singleFloor.close();
      batchFloor.close();
      for (const file of files) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/**
 * Our store's figures and the floor's, measured in turns (`seconds` each, in six rounds of a sixth),
 * on the same data folder: sequential appends, the floor's single appends and 32 concurrent writers
 * take turns, then 100-event appends and the floor's. On a shared machine the disk's sync rate moves
 * by ten times within seconds; taking turns lets each ratio compare the two under the same load.
 */
export async function storeBesideFloor(
  dir: string,
  seconds: number,
): Promise<{ store: StoreFigures; floor: FloorFigures }> {
  const ours = openStoreBench(dir);
  const floor = openFloorBench(dir);
  try {
    const [sequential, floorSingle, concurrent] = await interleaved(seconds, 6, [
      ours.sequential,
      floor.single,
      ours.concurrent,
    ]);
    const [batch, floorBatch] = await interleaved(seconds, 6, [ours.batch, floor.batch]);
    return {
      store: {
        sequentialAppendsPerSecond: sequential,
        concurrentAppendsPerSecond: concurrent,
        batchEventsPerSecond: batch,
      },
      floor: {
        singleAppendsPerSecond: floorSingle,
        batchEventsPerSecond: floorBatch,
        journalMode: floor.journalMode,
        synchronous: floor.synchronous,
        sqliteVersion: floor.sqliteVersion,
      },
    };
  } finally {
    floor.close();
    await ours.close();
  }
}
