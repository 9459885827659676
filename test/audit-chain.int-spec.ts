import { CommandRunner, SqliteEventStore, verifyChains } from '@ruamjai/event-store';
import { FixedClock, type Decider } from '@ruamjai/kernel';
import { planDecider, planStreamId, type PlanCommand } from '@ruamjai/planning';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A command that records two events in one append: the second is chained to the first inside it. */
const twoAtOnce: Decider<{ type: 'Record'; at: Date }, null, { type: 'First' | 'Second'; data: { n: number } }> = {
  initialState: null,
  decide: () => [
    { type: 'First', data: { n: 1 } },
    { type: 'Second', data: { n: 2 } },
  ],
  evolve: (state) => state,
};

describe('tamper evidence of the event log', () => {
  let dir: string;
  let original: string;
  let positions: number[] = [];
  let planId: string;

  // Each test writes its own log (in beforeEach, so that a mutation tool sees every test run the code that chains it).
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruamjai-chain-'));
    original = join(dir, 'events.sqlite');
    planId = randomUUID();
    const store = SqliteEventStore.open({ file: original });
    const runner = new CommandRunner(store);
    const clock = new FixedClock(new Date('2019-02-14T03:00:00Z'));
    const actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const, province: 'TH-27' };
    const run = (command: Omit<PlanCommand, 'actor' | 'at'>) =>
      runner.run(planDecider, planStreamId(planId), { ...command, actor, at: clock.now() } as unknown as PlanCommand, {
        actor,
        correlationId: 'c',
        causationId: 'c',
      });
    await run({
      type: 'DraftPlan',
      data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผน' },
    } as unknown as PlanCommand);
    for (const projectId of [randomUUID(), randomUUID(), randomUUID()]) {
      clock.advance(3_600_000);
      await run({
        type: 'AddProject',
        agencies: {
          'PSDHS-SK': {
            status: 'active',
            code: 'PSDHS-SK',
            nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
            agencyType: 'social_development',
            districtCode: '2701',
          } as const,
        },
        data: {
          planId,
          projectId,
          titleTh: 'โครงการ',
          strategy: 'prevention',
          leadAgencyCode: 'PSDHS-SK',
          districtCodes: ['2706'],
          requestedBudgetSatang: 1_500_000,
          fundingSource: 'provincial_budget',
        },
      } as unknown as PlanCommand);
    }
    // Another stream in between, so positions and revisions differ; and one command that records two events at once.
    const other = randomUUID();
    await runner.run(
      planDecider,
      planStreamId(other),
      {
        type: 'DraftPlan',
        actor,
        at: clock.now(),
        data: { planId: other, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'อีกแผน' },
      },
      { actor, correlationId: 'c', causationId: 'c' },
    );
    await runner.run(
      twoAtOnce,
      'pair-1',
      { type: 'Record', at: clock.now() },
      { actor, correlationId: 'c', causationId: 'c' },
    );
    await store.close();
    const db = new Database(original, { readonly: true });
    positions = (
      db
        .prepare('SELECT position FROM events WHERE stream_id = ? ORDER BY revision')
        .all(planStreamId(planId)) as Array<{ position: number }>
    ).map((r) => r.position);
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verifyCopy(tamper: (db: Database.Database) => void) {
    const copy = join(dir, `copy-${randomUUID()}.sqlite`);
    copyFileSync(original, copy);
    const db = new Database(copy);
    tamper(db);
    db.close();
    const store = SqliteEventStore.open({ file: copy });
    try {
      return await verifyChains(store);
    } finally {
      await store.close();
    }
  }

  it('verifies an untouched log and reports its head', async () => {
    const report = await verifyCopy(() => undefined);
    expect(report).toMatchObject({ ok: true, eventsChecked: 7, streams: 3, firstBreak: null });
    expect(report.head.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the event whose stored bytes were changed', async () => {
    const report = await verifyCopy((db) =>
      db.prepare("UPDATE events SET data = replace(data, '1500000', '1500001') WHERE position = ?").run(positions[2]),
    );
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ position: String(positions[2]), revision: '2', problem: 'altered' });
  });

  it('names the event after one that was deleted', async () => {
    const report = await verifyCopy((db) => db.prepare('DELETE FROM events WHERE position = ?').run(positions[1]));
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      position: String(positions[2]),
      problem: 'missing-before',
      detail: 'revision 2 where 1 was due: an event before it is missing',
    });
  });

  it('names the event whose recorded author was changed, not only its data', async () => {
    const report = await verifyCopy((db) => {
      const row = db.prepare('SELECT metadata FROM events WHERE position = ?').get(positions[1]) as {
        metadata: string;
      };
      db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(
        JSON.stringify({ ...JSON.parse(row.metadata), actorId: 'someone-else' }),
        positions[1],
      );
    });
    expect(report.firstBreak).toMatchObject({ position: String(positions[1]), problem: 'altered' });
  });

  it('names the second of two events recorded at once when it is changed', async () => {
    const report = await verifyCopy((db) =>
      db.prepare("UPDATE events SET data = '{\"n\":3}' WHERE stream_id = 'pair-1' AND revision = 1").run(),
    );
    expect(report.firstBreak).toMatchObject({ streamId: 'pair-1', revision: '1', problem: 'altered' });
  });

  it('leaves system events (a $-type, as KurrentDB writes for stream metadata) out of every chain', async () => {
    const report = await verifyCopy((db) =>
      db
        .prepare(
          "INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES ('$$pair-1', 0, ?, '$metadata', '{}', '{}', 0)",
        )
        .run(randomUUID()),
    );
    expect(report).toMatchObject({ ok: true, eventsChecked: 7, firstBreak: null });
  });

  it('names the first of two events that were swapped', async () => {
    const report = await verifyCopy((db) => {
      const swap = db.transaction(() => {
        db.prepare('UPDATE events SET revision = -1 WHERE position = ?').run(positions[1]);
        db.prepare('UPDATE events SET revision = 1 WHERE position = ?').run(positions[2]);
        db.prepare('UPDATE events SET revision = 2 WHERE position = ?').run(positions[1]);
      });
      swap();
    });
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.position).toBe(String(positions[1]));
  });

  it('names an event whose content and stored hash were both rewritten', async () => {
    const report = await verifyCopy((db) => {
      const row = db.prepare('SELECT metadata FROM events WHERE position = ?').get(positions[1]) as {
        metadata: string;
      };
      const meta = JSON.parse(row.metadata);
      meta.hash = 'f'.repeat(64);
      db.prepare("UPDATE events SET data = replace(data, '1500000', '9999999'), metadata = ? WHERE position = ?").run(
        JSON.stringify(meta),
        positions[1],
      );
    });
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.position).toBe(String(positions[1]));
  });

  it.each([
    ['its hash', 'hash'],
    ['the link to the event before it', 'prevHash'],
  ])('calls an event that lost %s unchained, not altered or out of place', async (_, field) => {
    const report = await verifyCopy((db) => {
      const row = db.prepare('SELECT metadata FROM events WHERE position = ?').get(positions[1]) as {
        metadata: string;
      };
      const meta = JSON.parse(row.metadata);
      delete meta[field];
      db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(JSON.stringify(meta), positions[1]);
    });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ position: String(positions[1]), revision: '1', problem: 'unchained' });
  });
});
