import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from './read-model-db';

/**
 * Reads a projection's checkpoint inside its transaction and locks it there (an upsert takes the
 * row lock in PostgreSQL and the write lock in SQLite), so two runners never apply the same batch.
 */
export async function lockCheckpoint(trx: Transaction<CoreTables>, name: string, at: Date): Promise<bigint> {
  const row = await trx
    .insertInto('projection_checkpoints')
    .values({ name, position: '0', updated_at: at.toISOString() })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ position: eb.ref('projection_checkpoints.position') })))
    .returning('position')
    .executeTakeFirstOrThrow();
  return BigInt(row.position);
}

export async function readCheckpoint(db: Kysely<CoreTables> | Transaction<CoreTables>, name: string): Promise<bigint> {
  const row = await db.selectFrom('projection_checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  return row ? BigInt(row.position) : 0n;
}

export async function readCheckpoints(db: Kysely<CoreTables>): Promise<Map<string, bigint>> {
  const rows = await db.selectFrom('projection_checkpoints').select(['name', 'position']).execute();
  return new Map(rows.map((r) => [r.name, BigInt(r.position)]));
}

export async function writeCheckpoint(trx: Transaction<CoreTables>, name: string, position: bigint, at: Date): Promise<void> {
  await trx
    .insertInto('projection_checkpoints')
    .values({ name, position: position.toString(), updated_at: at.toISOString() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: position.toString(), updated_at: at.toISOString() }))
    .execute();
}
