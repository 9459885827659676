import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStorageFailure, StoreWriteHealth } from './store-health';

describe('a store that cannot be written', () => {
  it('is told apart from a bad request by the error SQLite raises when the disk is full', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-full-'));
    const db = new Database(join(dir, 'full.sqlite'));
    try {
      // A database capped at a few pages fills up as a full disk does: SQLITE_FULL.
      db.exec('create table t (x text)');
      db.pragma('max_page_count = 3');
      let thrown: unknown;
      try {
        for (let i = 0; i < 1000; i++) db.prepare('insert into t values (?)').run('x'.repeat(4000));
      } catch (error) {
        thrown = error;
      }
      expect((thrown as { code?: string }).code).toBe('SQLITE_FULL');
      expect(isStorageFailure(thrown)).toBe(true);
      expect(isStorageFailure(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe(true);
      expect(isStorageFailure(new Error('bad input'))).toBe(false);
      expect(isStorageFailure(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(
        false,
      );
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is reported as failing until a write succeeds again', () => {
    const health = new StoreWriteHealth();
    expect(health.lastFailure).toBeNull();
    health.failed(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }));
    expect(health.lastFailure?.code).toBe('SQLITE_FULL');
    health.succeeded();
    expect(health.lastFailure).toBeNull();
  });
});
