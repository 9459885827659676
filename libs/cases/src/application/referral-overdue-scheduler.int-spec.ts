import { collect, CommandRunner, SqliteEventStore } from '@ruamjai/event-store';
import { FixedClock, type Actor } from '@ruamjai/kernel';
import { migrateReadModels, openSqliteReadModels, ProjectionRunner, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referralStreamId } from '../referral/referral.events';
import type { SendReferral } from '../referral/send-referral/send-referral.command';
import { referralDecider } from '../referral/referral.decider';
import { casesMigrations } from '../projections/cases-tables';
import { casesProjections } from '../projections/case-projections';
import { ReferralOverdueScheduler } from './referral-overdue-scheduler';

const sender: Actor = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' };
const sentAt = new Date('2019-05-02T03:00:00.000Z');
const due = new Date('2019-05-03T03:00:00.000Z');

/** One process's view of the data folder: its own store handle, runner, projections and scheduler. */
class Process {
  readonly store: SqliteEventStore;
  readonly db: ReadModelDb;
  readonly runner: CommandRunner;
  readonly projections: ProjectionRunner;
  readonly scheduler: ReferralOverdueScheduler;

  constructor(dir: string, clock: FixedClock, options: { batchSize?: number; minRetryMs?: number } = {}) {
    this.store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    this.db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    this.runner = new CommandRunner(this.store);
    this.projections = new ProjectionRunner(this.store, this.db, casesProjections, clock);
    this.scheduler = new ReferralOverdueScheduler(this.runner, this.db, clock, 60_000, undefined, undefined, options);
  }

  async start(): Promise<this> {
    await migrateReadModels(this.db as unknown as Kysely<unknown>, [casesMigrations]);
    await this.projections.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.projections.stop();
    await this.store.close();
    await this.db.destroy();
  }
}

describe('the overdue-referral scheduler', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-overdue-'));
    dirs.push(dir);
    return dir;
  };

  async function send(p: Process, clock: FixedClock): Promise<string> {
    const referralId = randomUUID();
    clock.set(sentAt);
    const command: SendReferral = {
      type: 'SendReferral',
      data: {
        referralId,
        caseId: randomUUID(),
        toAgency: 'HEALTH-SK',
        service: 'medical',
        urgency: 'urgent',
        dueAt: due.toISOString(),
        sharesPersonalData: false,
      },
      facts: {
        case: {
          exists: true,
          open: true,
          owningAgency: 'SHELTER-SK',
          province: 'TH-27',
          consent: false,
          legalBasis: null,
          erased: false,
        },
        recipient: 'active',
      },
      actor: sender,
      at: sentAt,
    };
    const outcome = await p.runner.run(referralDecider, referralStreamId(referralId), command, {
      actor: sender,
      correlationId: 'c',
      causationId: 'c',
    });
    expect(await p.projections.waitFor(outcome.position, 10_000)).toBe(true);
    return referralId;
  }

  const overdueEvents = async (p: Process, referralId: string) =>
    (await collect(p.store.readStream(referralStreamId(referralId)))).filter((e) => e.type === 'ReferralOverdue');

  it('fires once, exactly at the due time, and a restart in between changes nothing', async () => {
    const dir = folder();
    const clock = new FixedClock(sentAt);
    const first = await new Process(dir, clock).start();
    const referralId = await send(first, clock);

    clock.set(new Date(due.getTime() - 1));
    expect(await first.scheduler.tick()).toBe(0);
    expect(await overdueEvents(first, referralId)).toHaveLength(0);
    await first.stop();

    // The process restarts: nothing the scheduler needs was in memory.
    const second = await new Process(dir, clock).start();
    clock.set(due);
    expect(await second.scheduler.tick()).toBe(1);
    const [overdue] = await overdueEvents(second, referralId);
    expect(overdue.data).toEqual({
      referralId,
      caseId: expect.any(String),
      toAgency: 'HEALTH-SK',
      dueAt: due.toISOString(),
      urgency: 'urgent',
    });
    expect((overdue.metadata as { occurredAt: string }).occurredAt).toBe(due.toISOString());
    const stream = await collect(second.store.readStream(referralStreamId(referralId)));
    expect(stream.map((e) => e.type)).toEqual(['ReferralSent', 'ReferralOverdue', 'ReferralEscalated']);

    clock.advance(3600_000);
    expect(await second.scheduler.tick()).toBe(0);
    await second.stop();

    const third = await new Process(dir, clock).start();
    expect(await third.scheduler.tick()).toBe(0);
    expect(await overdueEvents(third, referralId)).toHaveLength(1);
    await third.stop();
  });

  it('never appends a second ReferralOverdue, even from an instance that read the referral before the first marked it', async () => {
    const dir = folder();
    const clock = new FixedClock(sentAt);
    const a = await new Process(dir, clock).start();
    const b = await new Process(dir, clock).start();
    const referralId = await send(a, clock);
    await b.projections.waitFor((await a.store.headPosition())!, 10_000);
    // b's runner caches the referral as merely sent.
    await b.runner.load(referralDecider, referralStreamId(referralId));
    clock.set(due);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    expect(await b.scheduler.tick()).toBe(0);
    expect(await overdueEvents(a, referralId)).toHaveLength(1);
    expect((await collect(a.store.readStream(referralStreamId(referralId)))).map((e) => e.type)).toEqual([
      'ReferralSent',
      'ReferralOverdue',
      'ReferralEscalated',
    ]);
    await a.stop();
    await b.stop();
  });

  it('leaves a referral acknowledged before its due time alone', async () => {
    const dir = folder();
    const clock = new FixedClock(sentAt);
    const p = await new Process(dir, clock).start();
    const referralId = await send(p, clock);
    const recipient: Actor = { id: 'nurse.a', agency: 'HEALTH-SK', role: 'agency_officer', province: 'TH-27' };
    // Accepted in the log, not yet in the read model the scheduler consults: the stream decides.
    await p.projections.stop();
    await p.runner.run(
      referralDecider,
      referralStreamId(referralId),
      { type: 'AcceptReferral', data: { referralId }, actor: recipient, at: new Date(due.getTime() - 60_000) },
      { actor: recipient, correlationId: 'c', causationId: 'c' },
    );
    clock.set(new Date(due.getTime() + 1));
    expect(await p.scheduler.tick()).toBe(0);
    expect(await overdueEvents(p, referralId)).toHaveLength(0);
    await p.scheduler.stop();
    await p.store.close();
    await p.db.destroy();
  });

  it('backs off from referrals it cannot mark, and never lets them hold back those due after them', async () => {
    const dir = folder();
    const clock = new FixedClock(sentAt);
    // 501 referrals that cannot be marked: more than a sweep's batch of 500.
    const p = await new Process(dir, clock, { minRetryMs: 2000 }).start();
    const sendDue = async (dueAt: Date) => {
      const referralId = randomUUID();
      const command: SendReferral = {
        type: 'SendReferral',
        data: {
          referralId,
          caseId: randomUUID(),
          toAgency: 'HEALTH-SK',
          service: 'medical',
          urgency: 'urgent',
          dueAt: dueAt.toISOString(),
          sharesPersonalData: false,
        },
        facts: {
          case: {
            exists: true,
            open: true,
            owningAgency: 'SHELTER-SK',
            province: 'TH-27',
            consent: false,
            legalBasis: null,
            erased: false,
          },
          recipient: 'active',
        },
        actor: sender,
        at: sentAt,
      };
      await p.runner.run(referralDecider, referralStreamId(referralId), command, {
        actor: sender,
        correlationId: 'c',
        causationId: 'c',
      });
      return referralId;
    };
    const stuck: string[] = [];
    for (let i = 0; i < 501; i++) stuck.push(await sendDue(due));
    const later = await sendDue(new Date(due.getTime() + 60_000));
    expect(await p.projections.waitFor((await p.store.headPosition())!, 10_000)).toBe(true);
    // They were answered, but the register has not heard (its projection is stuck): the scheduler
    // finds them due, and their streams refuse every attempt to mark them.
    await p.projections.stop();
    const recipient: Actor = { id: 'nurse.a', agency: 'HEALTH-SK', role: 'agency_officer', province: 'TH-27' };
    for (const referralId of stuck) {
      await p.runner.run(
        referralDecider,
        referralStreamId(referralId),
        { type: 'AcceptReferral', data: { referralId }, actor: recipient, at: sentAt },
        { actor: recipient, correlationId: 'c', causationId: 'c' },
      );
    }
    clock.set(new Date(due.getTime() + 120_000));

    // The first sweep spends its batch on 500 of the stuck ones; the next skips them and gets past the last.
    let marked = 0;
    for (let i = 0; i < 3 && marked === 0; i++) marked += await p.scheduler.tick();
    expect(marked).toBe(1);
    expect(await overdueEvents(p, later)).toHaveLength(1);
    for (const referralId of stuck) expect(await overdueEvents(p, referralId)).toHaveLength(0);

    // Those still due cannot be marked: no sweep straight away, but a retry after the back-off.
    expect(await p.scheduler.tick()).toBe(0);
    const wait = await p.scheduler.nextDelay();
    expect(wait).toBeGreaterThanOrEqual(2000);
    expect(wait).toBeLessThanOrEqual(60_000);

    // Once the register catches up, they leave the sweep, and the scheduler goes back to its pace.
    await p.projections.start();
    expect(await p.projections.waitFor((await p.store.headPosition())!, 10_000)).toBe(true);
    clock.advance(wait);
    expect(await p.scheduler.tick()).toBe(0);
    expect(await p.scheduler.nextDelay()).toBe(60_000);
    await p.stop();
  });
});
