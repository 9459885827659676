import type { AppConfig } from '@ruamjai/config';
import {
  chainEvents,
  hashOf,
  SqliteEventStore,
  StreamNotFound,
  verifyChains,
  type ChainReport,
  type EventStore,
  type RecordedEvent,
} from '@ruamjai/event-store';
import type { Clock } from '@ruamjai/kernel';
import { keyStoreFile, SqliteKeyStore } from '@ruamjai/privacy';
import { clampCheckpoints, rebuildProjections, type Projection } from '@ruamjai/read-models';
import Database from 'better-sqlite3';
import type { Migration } from 'kysely';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { openReadModels } from './platform.module';

/**
 * Backup and restore of the embedded store: the event log, the key store, the request records and
 * the signing key. Read models are not backed up: they are rebuilt from the log on restore.
 */
export const BACKUP_FORMAT = 'ruamjai-backup/1';
const EVENTS = 'events.sqlite';
const KEYS = 'keys.sqlite';
const REQUESTS = 'requests.sqlite';
const SIGNING_KEY = 'jwt-signing-key.json';
const READ_MODELS = 'read-models.sqlite';
const MANIFEST = 'manifest.json';
/** The event type that records an erasure, and where its subject is: the erasure tombstone. */
const ERASED = 'PersonalDataErased';

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  /** The log's head when the copy was taken, and the chain digest up to it (as `audit verify` reports it). */
  readonly log: {
    readonly headPosition: string | null;
    readonly chainDigest: string;
    readonly events: number;
    readonly streams: number;
  };
  readonly keys: { readonly subjects: number; readonly erased: number };
  /** Every file of the backup and its SHA-256. */
  readonly files: Readonly<Record<string, string>>;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

function embeddedOnly(config: AppConfig, what: string): void {
  if (config.eventStoreConnectionString)
    throw new BackupError(
      `${what} covers the embedded store; with KurrentDB (EVENTSTORE_CONNECTION_STRING) use KurrentDB's own backup (see README, Backups)`,
    );
  if (config.eventStore.kind === 'postgres')
    throw new BackupError(
      `${what} covers the embedded store; with the log in PostgreSQL (EVENT_STORE=postgres) back it up with pg_dump, schema event_store (see README, Backups)`,
    );
  if (config.databaseUrl)
    throw new BackupError(
      `${what} covers the embedded store; the key store and request records are in PostgreSQL (DATABASE_URL): back them up with pg_dump (see README, Backups)`,
    );
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Copies one SQLite database through SQLite's online backup API while other connections write: the
 * whole copy is one step (one read transaction), so it is one consistent state of the file.
 */
async function copyDatabase(source: string, target: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(target, { progress: () => 1_000_000_000 });
  } finally {
    db.close();
  }
  chmodSync(target, 0o600);
}

/**
 * A consistent online backup of the embedded store into `dir` (created owner-only, and empty).
 * Order matters: the request records first (none of them then names an event the copied log lacks),
 * then the log, then the key store (a key made or destroyed after the log's copy only adds to it:
 * an erasure made meanwhile is already in force in the copy).
 */
export async function backupDataDir(config: AppConfig, dir: string): Promise<BackupManifest> {
  embeddedOnly(config, 'backup');
  const data = config.dataDir;
  if (!existsSync(join(data, EVENTS))) throw new BackupError(`no event log in ${data}: nothing to back up`);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new BackupError(`${dir} is not empty: back up into a new folder`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (existsSync(join(data, REQUESTS))) await copyDatabase(join(data, REQUESTS), join(dir, REQUESTS));
  await copyDatabase(join(data, EVENTS), join(dir, EVENTS));
  if (existsSync(join(data, KEYS))) await copyDatabase(join(data, KEYS), join(dir, KEYS));
  if (existsSync(join(data, SIGNING_KEY))) {
    copyFileSync(join(data, SIGNING_KEY), join(dir, SIGNING_KEY));
    chmodSync(join(dir, SIGNING_KEY), 0o600);
  }
  // The copy is checked, not the live log: its chain must hold, and its head is what the manifest names.
  const report = await verifyFile(join(dir, EVENTS));
  if (!report.ok)
    throw new BackupError(
      `the copied log fails verification at position ${report.firstBreak!.position}: ${report.firstBreak!.detail}`,
    );
  const files = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.includes('-wal') && !f.includes('-shm'))
      .sort()
      .map((f) => [f, sha256(join(dir, f))]),
  );
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    log: {
      headPosition: report.head.position,
      chainDigest: report.head.digest,
      events: report.eventsChecked,
      streams: report.streams,
    },
    keys: keyCounts(join(dir, KEYS)),
    files,
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

function keyCounts(file: string): BackupManifest['keys'] {
  if (!existsSync(file)) return { subjects: 0, erased: 0 };
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT count(*) AS subjects, count(erased_at) AS erased FROM personal_data_keys').get() as {
      subjects: number;
      erased: number;
    };
    return row;
  } finally {
    db.close();
  }
}

async function verifyFile(file: string): Promise<ChainReport> {
  const store = SqliteEventStore.open({ file });
  try {
    return await verifyChains(store);
  } finally {
    await store.close();
  }
}

async function headOf(file: string): Promise<bigint | undefined> {
  const store = SqliteEventStore.open({ file });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** An erasure known somewhere newer than the backup: the subject, when, and the event that recorded it (if one did). */
interface Erasure {
  readonly subjectId: string;
  readonly erasedAt: string;
  readonly event?: RecordedEvent;
}

/** Every erasure a data folder (or a later backup) knows: its log's erasure events and its key store's tombstones. */
async function erasuresIn(folder: string): Promise<Erasure[]> {
  const found: Erasure[] = [];
  if (existsSync(join(folder, EVENTS))) {
    const store = SqliteEventStore.open({ file: join(folder, EVENTS) });
    try {
      for await (const event of store.readAll({ fromPosition: 'start' })) {
        if (event.type !== ERASED) continue;
        const data = event.data as { personId: string; erasedAt: string };
        found.push({ subjectId: data.personId, erasedAt: data.erasedAt, event });
      }
    } finally {
      await store.close();
    }
  }
  if (existsSync(join(folder, KEYS))) {
    const keys = new Database(join(folder, KEYS), { readonly: true });
    try {
      for (const row of keys
        .prepare('SELECT subject_id, erased_at FROM personal_data_keys WHERE erased_at IS NOT NULL')
        .all() as Array<{ subject_id: string; erased_at: string }>) {
        found.push({ subjectId: row.subject_id, erasedAt: row.erased_at });
      }
    } finally {
      keys.close();
    }
  }
  return found;
}

export interface RestoreOptions {
  /** Restore even over a log that is further along than the backup (what it held beyond is then set aside). */
  readonly force?: boolean;
  /** Other data folders or later backups whose erasures must stay in force (the folder restored over always counts). */
  readonly erasuresFrom?: readonly string[];
  readonly projections: readonly Projection[];
  readonly migrations: Record<string, Migration>[];
  readonly clock: Clock;
}

export interface RestoreReport {
  readonly headPosition: string | null;
  readonly chainDigest: string;
  readonly erasuresReapplied: number;
  readonly erasureEventsReappended: number;
  readonly setAside: string | null;
  readonly rebuiltEvents: number;
}

/**
 * Restores a backup into the data folder, with the service stopped: checks every file against the
 * manifest and the log's chain against its recorded head, refuses to replace a log that is further
 * along unless forced, sets the files it replaces aside, re-applies every erasure known to the
 * replaced folder (and to `erasuresFrom`) so that no erased person comes back, and rebuilds the read
 * models from the restored log.
 */
export async function restoreDataDir(
  config: AppConfig,
  backup: string,
  options: RestoreOptions,
): Promise<RestoreReport> {
  embeddedOnly(config, 'restore');
  const manifestFile = join(backup, MANIFEST);
  if (!existsSync(manifestFile)) throw new BackupError(`${backup} holds no ${MANIFEST}: not a backup`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`unknown backup format ${String(manifest.format)}`);
  for (const [file, digest] of Object.entries(manifest.files)) {
    if (!existsSync(join(backup, file)) || sha256(join(backup, file)) !== digest)
      throw new BackupError(`${file} does not match the manifest: the backup was altered or is incomplete`);
  }

  const data = config.dataDir;
  mkdirSync(data, { recursive: true, mode: 0o700 });
  // Staged inside the data folder, so the final moves are renames on one file system.
  const staging = join(data, `.restore-${Date.now()}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    for (const file of Object.keys(manifest.files)) copyFileSync(join(backup, file), join(staging, file));
    const report = await verifyFile(join(staging, EVENTS));
    if (!report.ok)
      throw new BackupError(
        `the backup's log fails verification at position ${report.firstBreak!.position}: ${report.firstBreak!.detail}`,
      );
    if (report.head.position !== manifest.log.headPosition || report.head.digest !== manifest.log.chainDigest) {
      throw new BackupError(
        `the backup's log ends at ${report.head.position ?? 'nothing'} (digest ${report.head.digest}), not where its manifest says (${manifest.log.headPosition}, ${manifest.log.chainDigest})`,
      );
    }
    const backupHead = BigInt(manifest.log.headPosition ?? '0');
    const currentHead = existsSync(join(data, EVENTS)) ? await headOf(join(data, EVENTS)) : undefined;
    if (currentHead !== undefined && currentHead > backupHead && !options.force) {
      throw new BackupError(
        `the log in ${data} reaches position ${currentHead}, past the backup's ${backupHead}: restoring would lose what it holds beyond. ` +
          'Restore with --force to do it anyway (the replaced files are set aside in the data folder).',
      );
    }
    // What the newer state knows about erasures, read before anything is replaced.
    const erasures = [
      ...(await erasuresIn(data)),
      ...(await Promise.all((options.erasuresFrom ?? []).map(erasuresIn))).flat(),
    ];

    let setAside: string | null = null;
    const replaced = [
      EVENTS,
      `${EVENTS}-wal`,
      `${EVENTS}-shm`,
      KEYS,
      `${KEYS}-journal`,
      REQUESTS,
      `${REQUESTS}-wal`,
      `${REQUESTS}-shm`,
      SIGNING_KEY,
      READ_MODELS,
      `${READ_MODELS}-wal`,
      `${READ_MODELS}-shm`,
    ].filter((f) => existsSync(join(data, f)));
    if (replaced.length > 0) {
      setAside = join(data, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      mkdirSync(setAside, { mode: 0o700 });
      for (const file of replaced) renameSync(join(data, file), join(setAside, file));
    }
    for (const file of Object.keys(manifest.files)) renameSync(join(staging, file), join(data, file));

    const { reapplied, reappended } = await reapplyErasures(config, erasures);
    const rebuilt = await rebuildAll(config, options);
    const final = await verifyFile(join(data, EVENTS));
    if (!final.ok)
      throw new BackupError(
        `the restored log fails verification at position ${final.firstBreak!.position}: ${final.firstBreak!.detail}`,
      );
    return {
      headPosition: final.head.position,
      chainDigest: final.head.digest,
      erasuresReapplied: reapplied,
      erasureEventsReappended: reappended,
      setAside,
      rebuiltEvents: rebuilt,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Destroys, in the restored key store, every key erased in the newer state, and records in the
 * restored log each erasure event it lacks (same id, type, data and metadata, chained anew to the
 * stream's restored end), so the read models show the person as erased too.
 */
async function reapplyErasures(
  config: AppConfig,
  erasures: readonly Erasure[],
): Promise<{ reapplied: number; reappended: number }> {
  if (erasures.length === 0) return { reapplied: 0, reappended: 0 };
  const keys = new SqliteKeyStore(keyStoreFile(config.dataDir));
  const store = SqliteEventStore.open({ file: join(config.dataDir, EVENTS) });
  let reappended = 0;
  try {
    const subjects = new Map<string, string>();
    for (const e of erasures) if (!subjects.has(e.subjectId)) subjects.set(e.subjectId, e.erasedAt);
    for (const [subjectId, erasedAt] of subjects) await keys.destroy(subjectId, new Date(erasedAt || Date.now()));
    const events = new Map<string, RecordedEvent>();
    for (const e of erasures) if (e.event && !events.has(e.event.id)) events.set(e.event.id, e.event);
    for (const event of events.values()) if (await appendIfMissing(store, event)) reappended += 1;
    return { reapplied: subjects.size, reappended };
  } finally {
    await store.close();
    await keys.close();
  }
}

/** A case opened after the backup is not in the restored log at all: its key is destroyed, and there is no stream to record in. */
async function appendIfMissing(store: EventStore, event: RecordedEvent): Promise<boolean> {
  let last: RecordedEvent | undefined;
  try {
    for await (const recorded of store.readStream(event.streamId, { direction: 'forwards' })) {
      if (recorded.id === event.id) return false;
      last = recorded;
    }
  } catch (error) {
    if (error instanceof StreamNotFound) return false;
    throw error;
  }
  if (!last) return false;
  const { prevHash: _prevHash, hash: _hash, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  const chained = chainEvents(event.streamId, last.revision + 1n, hashOf(last), [
    { id: event.id, type: event.type, data: event.data, metadata: { ...metadata, reappliedOnRestore: true } },
  ]);
  await store.append(event.streamId, chained.events, { expected: last.revision });
  return true;
}

async function rebuildAll(config: AppConfig, options: RestoreOptions): Promise<number> {
  const store = SqliteEventStore.open({ file: join(config.dataDir, EVENTS) });
  const db = await openReadModels(config, options.migrations);
  try {
    const result = await rebuildProjections(store, db, options.projections, options.clock);
    await clampCheckpoints(db, (await store.headPosition()) ?? 0n);
    return result.events;
  } finally {
    await store.close();
    await db.destroy();
  }
}

/** True when the path is an existing folder (for the CLI's messages). */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
