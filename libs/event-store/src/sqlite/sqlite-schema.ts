import type Database from 'better-sqlite3';

/** Opens a connection with the settings every connection to the event file shares. */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: in WAL mode the log is synced at every commit, so an acknowledged append survives a crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
}

export function createSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position  INTEGER PRIMARY KEY,
      stream_id TEXT    NOT NULL,
      revision  INTEGER NOT NULL,
      event_id  TEXT    NOT NULL,
      type      TEXT    NOT NULL,
      data      TEXT    NOT NULL,
      metadata  TEXT    NOT NULL,
      created   INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, revision);
    CREATE TABLE IF NOT EXISTS append_ids (
      stream_id TEXT    NOT NULL,
      event_id  TEXT    NOT NULL,
      revision  INTEGER NOT NULL,
      PRIMARY KEY (stream_id, event_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS streams (
      stream_id         TEXT PRIMARY KEY,
      last_revision     INTEGER NOT NULL DEFAULT -1,
      state             INTEGER NOT NULL DEFAULT 0,
      metadata          TEXT,
      metadata_revision INTEGER
    );
  `);
  dropEventIdIndex(db);
}

/**
 * A retry is found by the first id of its append, so only first ids are indexed (append_ids), one
 * row an append. Until December 2026 every event id was indexed in the events table: random UUIDs
 * scattered each append's index entries over as many pages as it had events, and a 100-event append
 * wrote about five times the pages it needed (88,000 against 20,000 events/s, measured on the same
 * schema). A log written then keeps every one of its ids findable: they move to append_ids once,
 * in one transaction, the first time a store opens it.
 */
function dropEventIdIndex(db: Database.Database): void {
  const hasOldIndex = () =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'events_by_stream_event_id'").get() !==
    undefined;
  if (!hasOldIndex()) return;
  db.transaction(() => {
    if (!hasOldIndex()) return;
    db.exec(`INSERT OR IGNORE INTO append_ids (stream_id, event_id, revision)
               SELECT stream_id, event_id, revision FROM events;
             DROP INDEX events_by_stream_event_id;`);
  }).immediate();
}

/** streams.state values. */
export const STREAM_LIVE = 0;
export const STREAM_SOFT_DELETED = 1;
export const STREAM_TOMBSTONED = 2;

export interface StreamRow {
  stream_id: string;
  last_revision: number;
  state: number;
  metadata: string | null;
  metadata_revision: number | null;
}

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: number;
}
