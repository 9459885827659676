import { migrateReadModels, openPostgresReadModels, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { freshPostgresDatabase, postgresServerUrl } from '../../../../test/support/postgres';
import { PostgresThrottlerStorage, rateLimitMigrations } from './rate-limit-storage';

// A real PostgreSQL from the integration run's global setup (or DATABASE_URL); skipped without one,
// which a CI run (REQUIRE_INFRA=1) counts as a failure.
const server = postgresServerUrl();

(server ? describe : describe.skip)('rate limit windows shared by API replicas in PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  const dbs: ReadModelDb[] = [];
  /** One replica's storage, on its own connection pool. */
  const replica = (now: () => number) => {
    const db = openPostgresReadModels(database.url, 4);
    dbs.push(db);
    return new PostgresThrottlerStorage(db as unknown as Kysely<unknown>, now);
  };

  beforeAll(async () => {
    database = await freshPostgresDatabase(server!);
    const db = openPostgresReadModels(database.url, 1);
    await migrateReadModels(db as unknown as Kysely<unknown>, [rateLimitMigrations]);
    await db.destroy();
  });
  afterAll(async () => {
    for (const db of dbs) await db.destroy();
    await database.drop();
  });

  it('counts hits in a window and blocks past the limit until the block ends, as one process does', async () => {
    let now = 1_000_000;
    const storage = replica(() => now);
    for (let i = 1; i <= 3; i++)
      expect((await storage.increment('ip-1', 1000, 3, 5000, 'default')).isBlocked).toBe(false);
    const fourth = await storage.increment('ip-1', 1000, 3, 5000, 'default');
    expect(fourth).toMatchObject({ isBlocked: true, totalHits: 4, timeToBlockExpire: 5 });
    now += 2000;
    expect((await storage.increment('ip-1', 1000, 3, 5000, 'default')).isBlocked).toBe(true);
    now += 3001;
    expect(await storage.increment('ip-1', 1000, 3, 5000, 'default')).toMatchObject({
      isBlocked: false,
      totalHits: 1,
    });
  });

  it('counts a client once across replicas: the hit past the limit is refused whichever replica takes it', async () => {
    const now = () => 2_000_000;
    const [a, b, c] = [replica(now), replica(now), replica(now)];
    await a.increment('user:somchai', 60_000, 3, 60_000, 'default');
    await b.increment('user:somchai', 60_000, 3, 60_000, 'default');
    await c.increment('user:somchai', 60_000, 3, 60_000, 'default');
    expect(await a.increment('user:somchai', 60_000, 3, 60_000, 'default')).toMatchObject({
      isBlocked: true,
      totalHits: 4,
    });
    expect((await b.increment('user:somchai', 60_000, 3, 60_000, 'default')).isBlocked).toBe(true);
    expect((await c.increment('user:somchai-other', 60_000, 3, 60_000, 'default')).isBlocked).toBe(false);
  });

  it('loses no hit when replicas count the same client at the same moment', async () => {
    const now = () => 3_000_000;
    const replicas = [replica(now), replica(now), replica(now)];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => replicas[i % 3].increment('ip-busy', 60_000, 1000, 1000, 'default')),
    );
    expect(results.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('counts on its own rather than failing requests when the database does not answer', async () => {
    const db = openPostgresReadModels('postgres://nobody@127.0.0.1:9/none', 1);
    dbs.push(db);
    const storage = new PostgresThrottlerStorage(db as unknown as Kysely<unknown>, () => 0);
    expect(await storage.increment('ip-2', 1000, 1, 1000, 'default')).toMatchObject({ isBlocked: false, totalHits: 1 });
    expect(await storage.increment('ip-2', 1000, 1, 1000, 'default')).toMatchObject({ isBlocked: true, totalHits: 2 });
  });
});
