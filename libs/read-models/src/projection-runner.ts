import type { EventStore, RecordedEvent, Subscription } from '@ruamjai/event-store';
import type { Clock } from '@ruamjai/kernel';
import type { Kysely } from 'kysely';
import { lockCheckpoint, readCheckpoints, writeCheckpoint } from './checkpoints';
import { PositionWaiters } from './position-waiters';
import type { Projection } from './projection';
import type { CoreTables } from './read-model-db';

export interface RunnerLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const BATCH = 1000;

/** What the rest of the application asks of running projections, wherever they run. */
export interface ProjectionProgress {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves true once every projection has applied the event at `position`, false on timeout. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  checkpoints(): ReadonlyMap<string, bigint>;
  readonly isCaughtUp: boolean;
}

export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');
const silent: RunnerLogger = { info: () => undefined, error: () => undefined };

/**
 * Feeds projections from a catch-up subscription to $all. Each batch is one read-model transaction
 * that also moves every checkpoint it covers, and events at or below a projection's stored
 * checkpoint are skipped inside that transaction: a crash or a second runner never applies an
 * event twice or skips one.
 */
export class ProjectionRunner implements ProjectionProgress {
  private readonly positions = new Map<string, bigint>();
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> | undefined;
  private flushScheduled = false;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private readonly waiters = new PositionWaiters((position) => this.lowestCheckpoint() >= position);
  private stopped = false;
  private caughtUp = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<CoreTables>,
    private readonly projections: readonly Projection[],
    private readonly clock: Clock,
    private readonly logger: RunnerLogger = silent,
    private readonly lingerMs = 5,
    /** Told after every committed batch and when the runner catches up. */
    private readonly onProgress: (checkpoints: ReadonlyMap<string, bigint>, caughtUp: boolean) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    const stored = await readCheckpoints(this.db);
    for (const p of this.projections) this.positions.set(p.name, stored.get(p.name) ?? 0n);
    const from = this.lowestCheckpoint();
    this.subscription = this.store.subscribeToAll({ from: from === 0n ? 'start' : { after: from }, filter: { excludeSystemEvents: true } });
    this.loop = this.consume(this.subscription);
  }

  /** Whether the runner has replayed everything that was in the store when it started. */
  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** The checkpoint of every projection. */
  checkpoints(): ReadonlyMap<string, bigint> {
    return this.positions;
  }

  /** Resolves true once every projection has applied the event at `position`, false on timeout. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.waiters.wait(position, timeoutMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.unsubscribe();
    await this.loop;
    await this.flush();
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      for await (const message of subscription) {
        if (message.kind === 'caughtUp') {
          this.caughtUp = true;
          this.logger.info({ position: message.position?.toString() }, 'projections caught up');
          this.onProgress(this.positions, true);
          this.scheduleFlush();
          continue;
        }
        this.buffer.push(message.event);
        if (this.buffer.length >= BATCH) await this.flush();
        else this.scheduleFlush();
      }
    } catch (error) {
      this.logger.error({ err: error }, 'projection subscription failed; restarting');
      if (!this.stopped) {
        await this.flush();
        await new Promise((r) => setTimeout(r, 1000));
        if (!this.stopped) await this.start();
      }
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      void this.flush();
    };
    // Live events linger briefly so that a busy minute costs tens of transactions a second, not thousands.
    if (this.caughtUp && this.lingerMs > 0) setTimeout(run, this.lingerMs);
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.applyWithRetry(batch).finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  private async applyWithRetry(batch: readonly RecordedEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.apply(batch);
        return;
      } catch (error) {
        // Nothing was committed: the same batch is applied again, never skipped. A runner being
        // stopped gives up instead of retrying for ever: its checkpoints have not moved, so the next
        // start reads the batch again.
        if (this.stopped) {
          this.logger.error({ err: error, attempt }, 'projection batch failed while stopping; the next start applies it');
          return;
        }
        this.logger.error({ err: error, attempt }, 'projection batch failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(5000, 50 * attempt)));
      }
    }
  }

  private async apply(batch: readonly RecordedEvent[]): Promise<void> {
    const moved = new Map<string, bigint>();
    await this.db.transaction().execute(async (trx) => {
      for (const projection of this.projections) {
        const checkpoint = await lockCheckpoint(trx, projection.name, this.clock.now());
        const fresh = batch.filter((e) => e.position > checkpoint);
        if (fresh.length === 0) {
          moved.set(projection.name, checkpoint);
          continue;
        }
        const relevant = fresh.filter((e) => projection.handles(e));
        if (relevant.length > 0) {
          const unit = projection.begin(trx);
          await unit.apply(relevant);
          await unit.flush();
        }
        const last = fresh[fresh.length - 1].position;
        await writeCheckpoint(trx, projection.name, last, this.clock.now());
        moved.set(projection.name, last);
      }
    });
    for (const [name, position] of moved) this.positions.set(name, position);
    this.onProgress(this.positions, this.caughtUp);
    this.waiters.progress();
  }

  private lowestCheckpoint(): bigint {
    let lowest: bigint | undefined;
    for (const p of this.projections) {
      const position = this.positions.get(p.name) ?? 0n;
      if (lowest === undefined || position < lowest) lowest = position;
    }
    return lowest ?? 0n;
  }
}

export interface RebuildProgress {
  (position: bigint, head: bigint): void;
}

/**
 * Rebuilds projections from the start of $all in one transaction: readers see the old views until
 * the new ones are complete, and a live runner elsewhere resumes from the rebuilt checkpoint.
 */
export async function rebuildProjections(
  store: EventStore,
  db: Kysely<CoreTables>,
  projections: readonly Projection[],
  clock: Clock,
  onProgress: RebuildProgress = () => undefined,
): Promise<{ events: number; position: bigint }> {
  const head = (await store.headPosition()) ?? 0n;
  let events = 0;
  let last = 0n;
  await db.transaction().execute(async (trx) => {
    for (const p of projections) await p.reset(trx);
    const units = projections.map((p) => ({ projection: p, unit: p.begin(trx) }));
    let batch: RecordedEvent[] = [];
    const applyBatch = async () => {
      for (const { projection, unit } of units) {
        const relevant = batch.filter((e) => projection.handles(e));
        if (relevant.length > 0) await unit.apply(relevant);
      }
      events += batch.length;
      onProgress(last, head);
      batch = [];
    };
    for await (const event of store.readAll({ fromPosition: 'start' })) {
      if (event.type.startsWith('$')) continue;
      batch.push(event);
      last = event.position;
      if (batch.length >= 5000) await applyBatch();
    }
    await applyBatch();
    for (const { unit } of units) await unit.flush();
    for (const p of projections) await writeCheckpoint(trx, p.name, last, clock.now());
  });
  return { events, position: last };
}
