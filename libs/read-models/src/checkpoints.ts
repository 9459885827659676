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
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ position: eb.ref('projection_checkpoints.position') })),
    )
    .returning('position')
    .executeTakeFirstOrThrow();
  return BigInt(row.position);
}

export async function readCheckpoint(db: Kysely<CoreTables> | Transaction<CoreTables>, name: string): Promise<bigint> {
  const row = await db
    .selectFrom('projection_checkpoints')
    .select('position')
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? BigInt(row.position) : 0n;
}

export async function readCheckpoints(db: Kysely<CoreTables>): Promise<Map<string, bigint>> {
  const rows = await db.selectFrom('projection_checkpoints').select(['name', 'position']).execute();
  return new Map(rows.map((r) => [r.name, BigInt(r.position)]));
}

export async function writeCheckpoint(
  trx: Transaction<CoreTables>,
  name: string,
  position: bigint,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('projection_checkpoints')
    .values({ name, position: position.toString(), updated_at: at.toISOString() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: position.toString(), updated_at: at.toISOString() }))
    .execute();
}

/**
 * Moves every checkpoint past the log's head back to the head (after a restore, the relay's and any
 * other consumer's): positions beyond it will be written again by new events, which must not be skipped.
 */
export async function clampCheckpoints(db: Kysely<CoreTables>, head: bigint): Promise<string[]> {
  const ahead = [...(await readCheckpoints(db))].filter(([, position]) => position > head).map(([name]) => name);
  for (const name of ahead)
    await db
      .updateTable('projection_checkpoints')
      .set({ position: head.toString() })
      .where('name', '=', name)
      .execute();
  return ahead;
}

/** The checkpoints past the log's head: a log shorter than what was projected from it (restored, truncated or replaced). */
export async function checkpointsAheadOf(
  db: Kysely<CoreTables>,
  head: bigint | undefined,
): Promise<Array<{ name: string; position: bigint }>> {
  return [...(await readCheckpoints(db))]
    .filter(([, position]) => position > (head ?? 0n))
    .map(([name, position]) => ({ name, position }));
}
