import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureConnection, createSchema } from './sqlite-schema';
import { SqliteWriter, type WriteOp } from './sqlite-writer';

const append = (streamId: string): WriteOp => ({
  kind: 'append',
  streamId,
  events: [{ id: randomUUID(), type: 'Happened', data: '{}', metadata: '{}' }],
  expected: 'any',
});

/**
 * The writer applies a batch in one transaction. A commit that fails (a full disk, an I/O error)
 * must refuse every append of the batch, leave none of it written, and leave the writer able to
 * take the next batch. The failure is made here with a deferred foreign key, which SQLite checks
 * only at COMMIT.
 */
describe('the event file writer', () => {
  let dir: string;
  let db: Database.Database;
  let writer: SqliteWriter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ruamjai-writer-'));
    db = new Database(join(dir, 'events.sqlite'));
    configureConnection(db);
    createSchema(db);
    writer = new SqliteWriter(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const events = () => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events').get()!.n;

  it('refuses every append of a batch whose commit fails, writes none of it, and takes the next batch', () => {
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE commit_guard (k TEXT REFERENCES nowhere (k) DEFERRABLE INITIALLY DEFERRED);
             CREATE TABLE nowhere (k TEXT PRIMARY KEY);
             CREATE TRIGGER fail_commit AFTER INSERT ON events WHEN NEW.stream_id = 'doomed'
             BEGIN INSERT INTO commit_guard (k) VALUES ('missing'); END;`);
    const results = writer.applyBatch([append('fine'), append('doomed')]);
    expect(results).toEqual([
      { ok: false, error: { name: 'Error', message: expect.stringMatching(/FOREIGN KEY/) } },
      { ok: false, error: { name: 'Error', message: expect.stringMatching(/FOREIGN KEY/) } },
    ]);
    expect(db.inTransaction).toBe(false);
    expect(events()).toBe(0);
    expect(writer.applyBatch([append('fine')])).toEqual([{ ok: true, nextExpectedRevision: 0n, position: 1n }]);
    expect(events()).toBe(1);
  });
});
