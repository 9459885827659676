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
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream_event_id ON events (stream_id, event_id);
    CREATE TABLE IF NOT EXISTS streams (
      stream_id         TEXT PRIMARY KEY,
      last_revision     INTEGER NOT NULL DEFAULT -1,
      state             INTEGER NOT NULL DEFAULT 0,
      metadata          TEXT,
      metadata_revision INTEGER
    );
  `);
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
