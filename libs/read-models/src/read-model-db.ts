import { WalCheckpointer } from '@ruamjai/event-store';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type Migration, type SqliteDatabase } from 'kysely';
import { Pool } from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Tables the read-model layer itself owns; each bounded context adds its own beside them. */
export type CoreTables = {
  inbound_messages: { consumer: string; message_id: string; outcome: string; processed_at: string };
  projection_checkpoints: { name: string; position: string; updated_at: string };
  /** Projections that gave up on an event (see projection-failures.ts). */
  projection_stalls: {
    name: string;
    position: string;
    event_type: string;
    stream_id: string;
    error: string;
    attempts: number;
    stalled_at: string;
    retry_requested_at: string | null;
  };
  idempotency_records: {
    scope: string;
    key: string;
    request_hash: string;
    status: number;
    headers: string;
    body: string;
    created_at: string;
    /** The process holding a pending reservation: host/pid/start ticks (see process-identity.ts). */
    owner: string | null;
  };
};

export type ReadModelDb = Kysely<CoreTables>;

/**
 * Read models live in their own SQLite file by default: they are derived and rebuildable, so the
 * file trades per-commit fsync (synchronous=NORMAL) for speed; the checkpoint shares each
 * transaction with the rows it covers, so a crash rolls both back together.
 */
export function openSqliteReadModels(file: string, options: { cacheMb?: number } = {}): ReadModelDb {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 10000');
  // A bounded page cache (in KiB when negative): memory stays flat however large the views grow. A
  // rebuild (one transaction over every event) spills past it to the WAL, slower but the same.
  database.pragma(`cache_size = -${Math.round((options.cacheMb ?? 16) * 1024)}`);
  // Checkpoints run on a thread of their own, never inside a projection's commit on the event loop.
  database.pragma('wal_autocheckpoint = 0');
  const checkpointer = new WalCheckpointer(file);
  const closeAll: SqliteDatabase['close'] = () => {
    void checkpointer.close();
    database.close();
  };
  return new Kysely<CoreTables>({
    dialect: new SqliteDialect({ database: { ...withStatementCache(database), close: closeAll } }),
  });
}

/**
 * Request records on the embedded default (idempotency keys, sign-in sessions): their own file, never
 * locked by a projection rebuild. Synced to the disk at every commit (FULL) unless the caller knows a
 * record lost in a power failure costs nothing (NORMAL: synced to the operating system, which a
 * killed process cannot lose); sessions stay FULL, or a sign-out could come undone.
 */
export function openSqliteRequests(file: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): ReadModelDb {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${synchronous}`);
  database.pragma('busy_timeout = 5000');
  return new Kysely<CoreTables>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/** Kysely prepares every query anew; projections run the same few statements thousands of times. */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        statements.set(sql, statement);
        if (statements.size > 1000) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}

export const coreMigrations: Record<string, Migration> = {
  '0004-projection-stalls': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('projection_stalls')
        .ifNotExists()
        .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('position', 'varchar(40)', (c) => c.notNull())
        .addColumn('event_type', 'varchar(200)', (c) => c.notNull())
        .addColumn('stream_id', 'varchar(300)', (c) => c.notNull())
        .addColumn('error', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('stalled_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('retry_requested_at', 'varchar(40)')
        .execute();
    },
  },
  '0003-idempotency-owner': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('idempotency_records').addColumn('owner', 'varchar(300)').execute();
    },
  },
  '0002-inbound-messages': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('inbound_messages')
        .ifNotExists()
        .addColumn('consumer', 'varchar(100)', (c) => c.notNull())
        .addColumn('message_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('outcome', 'varchar(40)', (c) => c.notNull())
        .addColumn('processed_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('inbound_messages_pk', ['consumer', 'message_id'])
        .execute();
    },
  },
  '0001-core': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('projection_checkpoints')
        .ifNotExists()
        .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('position', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('idempotency_records')
        .ifNotExists()
        .addColumn('scope', 'varchar(200)', (c) => c.notNull())
        .addColumn('key', 'varchar(200)', (c) => c.notNull())
        .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_records_pk', ['scope', 'key'])
        .execute();
    },
  },
};

/** Read models in PostgreSQL (DATABASE_URL): the same tables, migrations and projections. */
export function openPostgresReadModels(connectionString: string, maxConnections = 10): ReadModelDb {
  return new Kysely<CoreTables>({
    dialect: new PostgresDialect({ pool: new Pool({ connectionString, max: maxConnections }) }),
  });
}

/** Whether the read models live in SQLite, where writes are synchronous and block their thread. */
export function isSqlite(db: Kysely<unknown> | ReadModelDb): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
