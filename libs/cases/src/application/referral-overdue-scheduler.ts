import { CommandRunner, StaleRevision, type CommandOutcome } from '@ruamjai/event-store';
import { DomainError, type Actor, type Clock } from '@ruamjai/kernel';
import type { ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { referralStreamId, type MarkReferralOverdue, type ReferralEvent } from '../domain/referral/referral';
import { referralDecider } from '../domain/referral/referral.decider';
import type { CasesTables } from '../projections/cases-tables';

/** The scheduler acts as the system, on the secretariat's authority. */
export const SCHEDULER_ACTOR: Actor = { id: 'system:referral-scheduler', agency: 'RUAMJAI', role: 'coordinator' };

export interface SchedulerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/**
 * Follow-up nobody else enforces: a referral not acknowledged by its due time gets ReferralOverdue
 * and an escalation to the coordinator. It keeps nothing in memory: the read model names referrals
 * past due, each is decided against its own stream, and the append states the revision it read and
 * carries event ids derived from the referral alone. A restart, a second instance, or a retry after
 * a crash can therefore never write a second ReferralOverdue: the store either recognises the same
 * ids or refuses the stale revision, and the decider refuses a referral already marked.
 */
export class ReferralOverdueScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  private readonly db: Kysely<CasesTables>;

  constructor(
    private readonly runner: CommandRunner,
    db: ReadModelDb,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly logger: SchedulerLogger = { info: () => undefined, warn: () => undefined },
    /** Told of each referral this instance marked (for metrics). */
    private readonly onMarked: (referralId: string) => void = () => undefined,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Marks every referral due by now; returns how many it marked. Safe to call from anywhere, any number of times. */
  async tick(): Promise<number> {
    while (this.running) await this.running;
    this.running = this.sweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db
      .selectFrom('referral_register')
      .select(['referral_id'])
      .where('status', '=', 'sent')
      .where('overdue', '=', 0)
      .where('due_at', '<=', now.toISOString())
      .orderBy('due_at')
      .limit(500)
      .execute();
    let marked = 0;
    for (const { referral_id } of due) if (await this.mark(referral_id, now)) marked++;
    return marked;
  }

  /** Marks one referral overdue if it is, now; what the sweep does for each referral it finds (and the seed uses). */
  async mark(referralId: string, now: Date = this.clock.now()): Promise<CommandOutcome<ReferralEvent> | undefined> {
    const command: MarkReferralOverdue = { type: 'MarkReferralOverdue', data: { referralId }, actor: SCHEDULER_ACTOR, at: now };
    try {
      const outcome = await this.runner.run(referralDecider, referralStreamId(referralId), command, {
        actor: SCHEDULER_ACTOR,
        correlationId: `referral-overdue:${referralId}`,
        causationId: `referral-overdue:${referralId}`,
        idempotencyKey: `referral-overdue:${referralId}`,
        requestFingerprint: 'overdue',
      });
      this.logger.info({ referralId, position: outcome.position.toString() }, 'referral overdue; escalated to the coordinator');
      this.onMarked(referralId);
      return outcome;
    } catch (error) {
      // Answered in time after all, already marked by another instance, or lost a race: nothing to do.
      if (error instanceof DomainError || error instanceof StaleRevision) return undefined;
      this.logger.warn({ referralId, err: error instanceof Error ? error.message : String(error) }, 'could not mark a referral overdue; will retry');
      return undefined;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick()
        .catch((error: unknown) => this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'overdue sweep failed'))
        .then(() => this.nextDelay())
        .then((next) => this.schedule(next));
    }, delayMs);
    this.timer.unref();
  }

  /** Wake at the next due time if it comes before the next poll, so a referral is marked when it falls due. */
  private async nextDelay(): Promise<number> {
    try {
      const next = await this.db.selectFrom('referral_register').select('due_at').where('status', '=', 'sent').where('overdue', '=', 0).orderBy('due_at').limit(1).executeTakeFirst();
      if (!next) return this.intervalMs;
      return Math.max(0, Math.min(this.intervalMs, Date.parse(next.due_at) - this.clock.now().getTime()));
    } catch {
      return this.intervalMs;
    }
  }
}
