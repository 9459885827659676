import { SqliteEventStore, type NewEvent } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import {
  migrateReadModels,
  openPostgresReadModels,
  openSqliteReadModels,
  ProjectionRunner,
  rebuildProjections,
  type ReadModelDb,
} from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase, postgresServerUrl } from '../../../../test/support/postgres';
import { planningProjections } from './plan-projections';
import { PlanQueries } from './plan-queries';
import { PlanDashboardQueries } from './plan-dashboard-queries';
import { planningMigrations } from './planning-tables';

interface Dialect {
  name: string;
  open(): Promise<{ db: ReadModelDb; dispose: () => Promise<void> }>;
}

const dialects: Dialect[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ruamjai-rm-'));
      const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
      return {
        db,
        dispose: async () => {
          await db.destroy();
          rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
        },
      };
    },
  },
];
const pgServer = postgresServerUrl();
if (pgServer) {
  dialects.push({
    name: 'PostgreSQL',
    open: async () => {
      const database = await freshPostgresDatabase(pgServer);
      const db = openPostgresReadModels(database.url);
      return {
        db,
        dispose: async () => {
          await db.destroy();
          await database.drop();
        },
      };
    },
  });
} else {
  describe('plan projections on PostgreSQL', () => {
    it.skip("need the test run's PostgreSQL (started by the global setup, or DATABASE_URL)", () => undefined);
  });
}

const meta = (at: string) => ({
  actorId: 'somchai',
  agency: 'PSDHS-SK',
  role: 'coordinator',
  correlationId: 'c',
  causationId: 'c',
  commandType: 'Test',
  schemaVersion: 1,
  occurredAt: at,
});
const drafted = (planId: string): NewEvent => ({
  id: randomUUID(),
  type: 'PlanDrafted',
  data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนปฏิบัติการ', titleEn: null },
  metadata: meta('2019-02-14T03:00:00.000Z'),
});
const added = (planId: string, projectId: string, amount: number, source = 'provincial_budget'): NewEvent => ({
  id: randomUUID(),
  type: 'ProjectAdded',
  data: {
    planId,
    projectId,
    titleTh: 'โครงการ',
    titleEn: null,
    leadAgencyCode: 'PSDHS-SK',
    districtCodes: ['2706', '2708'],
    requestedBudgetSatang: amount,
    fundingSource: source,
  },
  metadata: meta('2019-02-15T03:00:00.000Z'),
});
const revised = (planId: string, projectId: string, from: number, to: number): NewEvent => ({
  id: randomUUID(),
  type: 'ProjectBudgetRevised',
  data: { planId, projectId, previousBudgetSatang: from, requestedBudgetSatang: to, reason: 'ลดงบ' },
  metadata: { ...meta('2019-03-01T03:00:00.000Z'), reason: 'ลดงบ' },
});

describe.each(dialects)('plan projections on $name', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-pp-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const clock = new FixedClock(new Date('2019-03-01T00:00:00Z'));
  let db: ReadModelDb;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await dialect.open());
    await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
  });
  afterAll(async () => {
    await dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  it('build the plan view live, and a rebuild gives the same view', async () => {
    const planId = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    const runner = new ProjectionRunner(store, db, planningProjections, clock);
    await runner.start();
    await store.append(
      `plan-${planId}`,
      [drafted(planId), added(planId, a, 1_500_000), added(planId, b, 2_500_000, 'anti_trafficking_fund')],
      { expected: 'no_stream' },
    );
    const last = await store.append(`plan-${planId}`, [revised(planId, a, 1_500_000, 1_000_000)], { expected: 2n });
    expect(await runner.waitFor(last.position, 10_000)).toBe(true);
    await runner.stop();

    const queries = new PlanQueries(db);
    const live = await queries.view(planId);
    expect(live).toMatchObject({
      planId,
      revision: 3,
      fiscalYearStart: '2018-10-01',
      projects: [
        { projectId: a, requestedBudgetSatang: 1_000_000, districtCodes: ['2706', '2708'] },
        { projectId: b, requestedBudgetSatang: 2_500_000 },
      ],
      totals: {
        projectCount: 2,
        requestedBudgetSatang: 3_500_000,
        requestedBySource: { provincial_budget: 1_000_000, anti_trafficking_fund: 2_500_000 },
      },
    });

    const dashboards = new PlanDashboardQueries(db);
    const liveDashboard = await dashboards.forPlan(planId);
    expect(liveDashboard?.totals).toMatchObject({ projects: 2, budgetSatang: 3_500_000 });
    expect(liveDashboard?.bySource.map((c) => [c.key, c.budgetSatang])).toEqual([
      ['anti_trafficking_fund', 2_500_000],
      ['provincial_budget', 1_000_000],
    ]);
    // Added by difference, live; from nothing, on a rebuild: the same cells.
    await rebuildProjections(store, db, planningProjections, clock);
    expect(await queries.view(planId)).toEqual(live);
    expect(await dashboards.forPlan(planId)).toEqual(liveDashboard);
  });

  it('never apply an event twice when a second runner resumes from the same checkpoint', async () => {
    const planId = randomUUID();
    const p = randomUUID();
    await store.append(`plan-${planId}`, [drafted(planId), added(planId, p, 100)], { expected: 'no_stream' });
    const first = new ProjectionRunner(store, db, planningProjections, clock);
    const second = new ProjectionRunner(store, db, planningProjections, clock);
    await Promise.all([first.start(), second.start()]);
    const last = await store.append(`plan-${planId}`, [revised(planId, p, 100, 50)], { expected: 1n });
    expect(await first.waitFor(last.position, 10_000)).toBe(true);
    expect(await second.waitFor(last.position, 10_000)).toBe(true);
    await Promise.all([first.stop(), second.stop()]);
    const view = await new PlanQueries(db).view(planId);
    expect(view?.projects).toHaveLength(1);
    expect(view?.revision).toBe(2);
  });
});
