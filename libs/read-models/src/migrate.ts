import { inspect } from 'node:util';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { coreMigrations } from './read-model-db';

/** Runs the core migrations and those of every bounded context, in name order. */
export async function migrateReadModels(
  db: Kysely<unknown>,
  contextMigrations: Record<string, Migration>[],
): Promise<void> {
  const all: Record<string, Migration> = Object.assign({}, coreMigrations, ...contextMigrations) as Record<
    string,
    Migration
  >;
  // A process that serves only some contexts (a CLI, the seed) shares the database with one that
  // migrated them all: another context's applied migrations are not ours to run, nor missing.
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db).then(
    (r) => r.rows,
    () => [],
  );
  for (const { name } of applied) all[name] ??= { up: async () => undefined };
  const provider: MigrationProvider = { getMigrations: async () => all };
  // Each context numbers its own migrations; a later core migration may sort before an applied one.
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `read-model migration ${failed} failed: ${error instanceof Error ? error.message : inspect(error)}`,
    );
  }
}
