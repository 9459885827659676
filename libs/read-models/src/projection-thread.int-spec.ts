import { SqliteEventStore } from '@ruamjai/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { migrateReadModels } from './migrate';
import { ThreadedProjections } from './projection-thread';
import { openSqliteReadModels } from './read-model-db';

const planning = join(__dirname, '../../planning/src/index');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { planningMigrations } = require(planning);

describe('projections on a thread of their own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

  it('apply what the writer commits, report their checkpoints, and answer read-your-writes', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
    const projections = new ThreadedProjections({
      eventsFile: join(dir, 'events.sqlite'),
      readModelsFile: join(dir, 'read-models.sqlite'),
      projectionsModule: planning,
      projectionsExport: 'planningProjections',
    });
    store.onCommitted(() => projections.notifyCommitted());
    await projections.start();
    const planId = randomUUID();
    const meta = {
      actorId: 'somchai',
      agency: 'PSDHS-SK',
      role: 'coordinator',
      occurredAt: '2019-02-14T03:00:00.000Z',
    };
    const result = await store.append(
      `plan-${planId}`,
      [
        {
          id: randomUUID(),
          type: 'PlanDrafted',
          data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผน', titleEn: null },
          metadata: meta,
        },
      ],
      { expected: 'no_stream' },
    );
    expect(await projections.waitFor(result.position, 10_000)).toBe(true);
    expect(projections.checkpoints().get('plan-view')).toBe(result.position);
    const row = await (db as unknown as Kysely<{ plan_views: { plan_id: string; revision: number } }>)
      .selectFrom('plan_views')
      .select(['plan_id', 'revision'])
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    expect(row).toEqual({ plan_id: planId, revision: 0 });
    expect(await projections.waitFor(result.position + 1000n, 100)).toBe(false);
    await projections.stop();
    await store.close();
    await db.destroy();
  });

  it('stop at once when their thread has just died and its restart is still pending', async () => {
    const projections = new ThreadedProjections({
      eventsFile: join(dir, 'events.sqlite'),
      readModelsFile: join(dir, 'read-models.sqlite'),
      projectionsModule: planning,
      projectionsExport: 'planningProjections',
    });
    await projections.start();
    const thread = (projections as unknown as { worker: import('node:worker_threads').Worker }).worker;
    // The thread dies as a crashing one would; the restart waits a second.
    await thread.terminate();
    const stopped = await Promise.race([
      projections.stop().then(() => 'stopped'),
      new Promise((r) => setTimeout(() => r('hung'), 5_000)),
    ]);
    expect(stopped).toBe('stopped');
    // …and no thread is started again after the stop.
    await new Promise((r) => setTimeout(r, 1_500));
    expect((projections as unknown as { worker: unknown }).worker).toBeUndefined();
  });
});
