import { CommandRunner, StaleRevision, type CommandOutcome } from '@ruamjai/event-store';
import { DomainError, type Actor, type Clock } from '@ruamjai/kernel';
import type { ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import type { MarkReferralOverdue } from '../referral/mark-referral-overdue/mark-referral-overdue.command';
import { referralStreamId, type ReferralEvent } from '../referral/referral.events';
import { referralDecider } from '../referral/referral.decider';
import type { CasesTables } from '../projections/cases-tables';

/** The scheduler acts as the system, on the secretariat's authority. */
export const SCHEDULER_ACTOR: Actor = {
  id: 'system:referral-scheduler',
  agency: 'RUAMJAI',
  role: 'coordinator',
  province: 'TH-27',
};

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
/** How a sweep went: what it marked, and whether anything due could not be marked (or was left for later). */
interface SweepResult {
  readonly marked: number;
  readonly failed: number;
  /** The sweep stopped at its batch size with referrals still due: sweep again at once. */
  readonly more: boolean;
  /** The time the sweep took as now. */
  readonly at: number;
}

export class ReferralOverdueScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepResult> | undefined;
  private stopped = true;
  private readonly db: Kysely<CasesTables>;
  private last: SweepResult = { marked: 0, failed: 0, more: false, at: 0 };
  /**
   * Referrals that could not be marked, and when to try each again. Kept in memory only to pace the
   * retries: losing it on a restart costs one more attempt, never a second ReferralOverdue.
   */
  private readonly retries = new Map<string, { attempts: number; at: number }>();

  constructor(
    private readonly runner: CommandRunner,
    db: ReadModelDb,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly logger: SchedulerLogger = { info: () => undefined, warn: () => undefined },
    /** Told of each referral this instance marked (for metrics). */
    private readonly onMarked: (referralId: string) => void = () => undefined,
    private readonly options: { readonly batchSize?: number; readonly minRetryMs?: number } = {},
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  /** The least wait after a sweep with failures, and the first retry of a referral that failed; it doubles up to the interval. */
  private get minRetryMs(): number {
    return Math.min(this.options.minRetryMs ?? 1000, this.intervalMs);
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
    this.last = await this.running;
    return this.last.marked;
  }

  /**
   * Tries each referral due by now, earliest due first, a batch at a time, skipping those whose retry
   * is not yet due: one that cannot be marked waits its turn, and never holds back those after it.
   */
  private async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    let marked = 0;
    let failed = 0;
    let attempts = 0;
    let after: { dueAt: string; referralId: string } | undefined;
    const seen = new Set<string>();
    for (;;) {
      let query = this.db
        .selectFrom('referral_register')
        .select(['referral_id', 'due_at'])
        .where('status', '=', 'sent')
        .where('overdue', '=', 0)
        .where('due_at', '<=', now.toISOString())
        .orderBy('due_at')
        .orderBy('referral_id')
        .limit(this.batchSize);
      if (after) {
        const { dueAt, referralId } = after;
        query = query.where((eb) =>
          eb.or([eb('due_at', '>', dueAt), eb.and([eb('due_at', '=', dueAt), eb('referral_id', '>', referralId)])]),
        );
      }
      const page = await query.execute();
      for (const { referral_id } of page) {
        seen.add(referral_id);
        const retry = this.retries.get(referral_id);
        if (retry && retry.at > now.getTime()) continue;
        if (attempts >= this.batchSize) return { marked, failed, more: true, at: now.getTime() };
        attempts++;
        if (await this.attempt(referral_id, now)) {
          marked++;
          this.retries.delete(referral_id);
        } else {
          failed++;
          const tries = (retry?.attempts ?? 0) + 1;
          this.retries.set(referral_id, {
            attempts: tries,
            at: now.getTime() + Math.min(this.intervalMs, this.minRetryMs * 2 ** (tries - 1)),
          });
        }
      }
      if (page.length < this.batchSize) break;
      const lastRow = page[page.length - 1];
      after = { dueAt: lastRow.due_at, referralId: lastRow.referral_id };
    }
    // What is no longer due and unmarked in the register needs no retry.
    for (const id of this.retries.keys()) if (!seen.has(id)) this.retries.delete(id);
    return { marked, failed, more: false, at: now.getTime() };
  }

  private async attempt(referralId: string, now: Date): Promise<boolean> {
    return (await this.mark(referralId, now)) !== undefined;
  }

  /** Marks one referral overdue if it is, now; what the sweep does for each referral it finds (and the seed uses). */
  async mark(referralId: string, now: Date = this.clock.now()): Promise<CommandOutcome<ReferralEvent> | undefined> {
    const command: MarkReferralOverdue = {
      type: 'MarkReferralOverdue',
      data: { referralId },
      actor: SCHEDULER_ACTOR,
      at: now,
    };
    try {
      const outcome = await this.runner.run(referralDecider, referralStreamId(referralId), command, {
        actor: SCHEDULER_ACTOR,
        correlationId: `referral-overdue:${referralId}`,
        causationId: `referral-overdue:${referralId}`,
        idempotencyKey: `referral-overdue:${referralId}`,
        requestFingerprint: 'overdue',
      });
      this.logger.info(
        { referralId, position: outcome.position.toString() },
        'referral overdue; escalated to the coordinator',
      );
      this.onMarked(referralId);
      return outcome;
    } catch (error) {
      // Answered in time after all, already marked by another instance, or lost a race: nothing to do.
      if (error instanceof DomainError || error instanceof StaleRevision) return undefined;
      this.logger.warn(
        { referralId, err: error instanceof Error ? error.message : String(error) },
        'could not mark a referral overdue; will retry',
      );
      return undefined;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick()
        .catch((error: unknown) =>
          this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'overdue sweep failed'),
        )
        .then(() => this.nextDelay())
        .then((next) => this.schedule(next));
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Wake at the next due time if it comes before the next poll, so a referral is marked when it
   * falls due; at once if the last sweep stopped at its batch size. Referrals still due after a
   * sweep are waiting for a retry: the wake comes at the earliest retry, and never sooner than
   * minRetryMs after a sweep that failed, so one that can never be marked cannot make it spin.
   */
  async nextDelay(): Promise<number> {
    const now = this.clock.now().getTime();
    const floor = this.last.failed > 0 ? this.minRetryMs : 0;
    if (this.last.more) return floor;
    try {
      const next = await this.db
        .selectFrom('referral_register')
        .select('due_at')
        .where('status', '=', 'sent')
        .where('overdue', '=', 0)
        // Due after the last sweep looked: whatever fell due since then wakes it at once.
        .where('due_at', '>', new Date(this.last.at).toISOString())
        .orderBy('due_at')
        .limit(1)
        .executeTakeFirst();
      let delay = next ? Date.parse(next.due_at) - now : this.intervalMs;
      for (const retry of this.retries.values()) delay = Math.min(delay, retry.at - now);
      return Math.max(floor, Math.min(this.intervalMs, delay));
    } catch {
      return this.intervalMs;
    }
  }
}
