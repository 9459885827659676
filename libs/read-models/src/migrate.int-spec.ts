import { sql, type Kysely, type Migration } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateReadModels } from './migrate';
import { openSqliteReadModels } from './read-model-db';

const table = (name: string): Record<string, Migration> => ({
  [`0900-${name}`]: { up: (db: Kysely<unknown>) => db.schema.createTable(name).addColumn('id', 'integer').execute() },
});

describe('read-model migrations shared by several contexts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

  it('let a process that knows only some contexts open a database another process migrated for all of them', async () => {
    const db = openSqliteReadModels(join(dir, 'rm.sqlite')) as unknown as Kysely<unknown>;
    await migrateReadModels(db, [table('plans_x'), table('cases_x')]);
    // The CLI or the seed, knowing only plans: neither "missing migration" nor a second run of cases'.
    await expect(migrateReadModels(db, [table('plans_x')])).resolves.toBeUndefined();
    await expect(
      migrateReadModels(db, [table('plans_x'), table('cases_x'), table('later_x')]),
    ).resolves.toBeUndefined();
    const names = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
      (r) => r.name,
    );
    expect(names).toEqual(expect.arrayContaining(['0900-plans_x', '0900-cases_x', '0900-later_x']));
    await db.destroy();
  });
});
