import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the key store holds for a subject: a live data key, a record that it was destroyed, or nothing. */
export type StoredKey =
  | { readonly state: 'live'; readonly key: Buffer }
  | { readonly state: 'erased'; readonly erasedAt: string }
  | undefined;

/**
 * Per-person data keys, kept outside the event log: destroying a key is the erasure (crypto-shredding).
 * A destroyed key leaves a tombstone, so no later write can give the person a fresh key and new
 * plaintext-bearing ciphertext by accident.
 */
export interface KeyStore {
  /** The subject's key, made on first use. Throws KeyDestroyed for an erased subject. */
  getOrCreate(subjectId: string, at: Date): Promise<Buffer>;
  get(subjectId: string): Promise<StoredKey>;
  /** Destroys the key for good; idempotent. */
  destroy(subjectId: string, at: Date): Promise<void>;
  close(): Promise<void>;
}

export class KeyDestroyed extends Error {
  constructor(readonly subjectId: string) {
    super(`the data key of subject ${subjectId} was destroyed`);
    this.name = 'KeyDestroyed';
  }
}

const KEY_BYTES = 32;

/**
 * The embedded key store: its own SQLite file, owner-only, with secure_delete so a destroyed key's
 * bytes are overwritten in the file, and a rollback journal (not WAL) so no old page image of a key
 * outlives its transaction inside the data folder.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS personal_data_keys (subject_id TEXT PRIMARY KEY, data_key BLOB, created_at TEXT NOT NULL, erased_at TEXT)',
    );
  }

  async getOrCreate(subjectId: string, at: Date): Promise<Buffer> {
    this.db
      .prepare(
        'INSERT INTO personal_data_keys (subject_id, data_key, created_at) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING',
      )
      .run(subjectId, randomBytes(KEY_BYTES), at.toISOString());
    const stored = await this.get(subjectId);
    if (stored?.state !== 'live') throw new KeyDestroyed(subjectId);
    return stored.key;
  }

  async get(subjectId: string): Promise<StoredKey> {
    const row = this.db
      .prepare('SELECT data_key, erased_at FROM personal_data_keys WHERE subject_id = ?')
      .get(subjectId) as { data_key: Buffer | null; erased_at: string | null } | undefined;
    if (!row) return undefined;
    return row.data_key ? { state: 'live', key: row.data_key } : { state: 'erased', erasedAt: row.erased_at ?? '' };
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO personal_data_keys (subject_id, data_key, created_at, erased_at) VALUES (?, NULL, ?, ?) ON CONFLICT (subject_id) DO UPDATE SET data_key = NULL, erased_at = COALESCE(erased_at, excluded.erased_at)',
      )
      .run(subjectId, at.toISOString(), at.toISOString());
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

type KeyTables = {
  personal_data_keys: { subject_id: string; data_key: string | null; created_at: string; erased_at: string | null };
};

/**
 * Keys in PostgreSQL (DATABASE_URL), beside the read models. A destroyed key's row is rewritten
 * without it and the table vacuumed; PostgreSQL's WAL archive and backups are the operator's to
 * expire within the PDPA's 90 days.
 */
export class PostgresKeyStore implements KeyStore {
  private ready: Promise<void> | undefined;
  private readonly db: Kysely<KeyTables>;

  constructor(db: Kysely<unknown>) {
    this.db = db as Kysely<KeyTables>;
  }

  private init(): Promise<void> {
    this.ready ??=
      sql`CREATE TABLE IF NOT EXISTS personal_data_keys (subject_id varchar(100) PRIMARY KEY, data_key text, created_at varchar(40) NOT NULL, erased_at varchar(40))`
        .execute(this.db)
        .then(() => undefined);
    return this.ready;
  }

  async getOrCreate(subjectId: string, at: Date): Promise<Buffer> {
    await this.init();
    await this.db
      .insertInto('personal_data_keys')
      .values({
        subject_id: subjectId,
        data_key: randomBytes(KEY_BYTES).toString('base64'),
        created_at: at.toISOString(),
        erased_at: null,
      })
      .onConflict((oc) => oc.column('subject_id').doNothing())
      .execute();
    const stored = await this.get(subjectId);
    if (stored?.state !== 'live') throw new KeyDestroyed(subjectId);
    return stored.key;
  }

  async get(subjectId: string): Promise<StoredKey> {
    await this.init();
    const row = await this.db
      .selectFrom('personal_data_keys')
      .select(['data_key', 'erased_at'])
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
    if (!row) return undefined;
    return row.data_key
      ? { state: 'live', key: Buffer.from(row.data_key, 'base64') }
      : { state: 'erased', erasedAt: row.erased_at ?? '' };
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    await this.init();
    await this.db
      .insertInto('personal_data_keys')
      .values({ subject_id: subjectId, data_key: null, created_at: at.toISOString(), erased_at: at.toISOString() })
      .onConflict((oc) =>
        oc.column('subject_id').doUpdateSet((eb) => ({
          data_key: null,
          erased_at: eb.fn.coalesce('personal_data_keys.erased_at', eb.ref('excluded.erased_at')),
        })),
      )
      .execute();
    // Dead row versions keep the old key until vacuumed.
    await sql`VACUUM personal_data_keys`.execute(this.db);
  }

  async close(): Promise<void> {
    // The read-model database owns the pool.
  }
}
