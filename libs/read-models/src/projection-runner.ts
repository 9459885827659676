import type { EventStore, RecordedEvent, Subscription } from '@ruamjai/event-store';
import type { Clock } from '@ruamjai/kernel';
import type { Kysely } from 'kysely';
import { lockCheckpoint, readCheckpoints, writeCheckpoint } from './checkpoints';
import { checkpointsReach, PositionWaiters } from './position-waiters';
import type { Projection } from './projection';
import { clearStall, readStalls, recordStall, takeRetryRequests, type ProjectionFailure } from './projection-failures';
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
  /**
   * Resolves true once the named projections (every one, without names) have applied the event at
   * `position`, false on timeout.
   */
  waitFor(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean>;
  checkpoints(): ReadonlyMap<string, bigint>;
  /** The projections failing on an event: retrying it, or stalled there while the others go on. */
  failures(): readonly ProjectionFailure[];
  readonly isCaughtUp: boolean;
}

/** How a projection that fails on an event is retried before it is marked stalled. */
export interface RetryPolicy {
  /** Attempts at one event, the first included, before the projection is marked stalled. */
  readonly maxAttempts: number;
  /** The wait before the second attempt, doubled before each next one up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** How often a runner holding a stalled projection looks for a retry request (`projections retry NAME`). */
  readonly retryRequestPollMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  firstDelayMs: 200,
  maxDelayMs: 5000,
  retryRequestPollMs: 1000,
};

export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');
const silent: RunnerLogger = { info: () => undefined, error: () => undefined };

/** A projection's own failure on one event, as opposed to the read-model store being away. */
class FailedOnEvent extends Error {
  constructor(
    readonly event: RecordedEvent,
    readonly failure: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** One projection's progress: its checkpoint, and the event it is failing on, if any. */
interface Lane {
  readonly projection: Projection;
  position: bigint;
  failure?: ProjectionFailure;
  /** When a retrying projection is tried again (ms since the epoch). */
  retryAt?: number;
}

/**
 * Feeds projections from one catch-up subscription to $all. Each projection applies a batch in a
 * read-model transaction of its own that also moves its checkpoint; events at or below the stored
 * checkpoint are skipped inside that transaction, so a crash or a second runner never applies an
 * event twice or skips one.
 *
 * A projection that fails on an event leaves the batches of the others: the events before the one
 * it failed on are committed, that event is retried with back-off, and after `maxAttempts` the
 * projection is marked stalled (in memory, in its logs and in the read-model store) while the
 * others go on. A stalled projection is tried again when someone asks (`projections retry NAME`)
 * and at the next start; when it applies the event it catches up from the log by itself and joins
 * the others again. When the read-model store itself fails, no projection is blamed: the whole
 * batch is applied again until the store answers.
 */
export class ProjectionRunner implements ProjectionProgress {
  private readonly lanes: Lane[];
  private readonly positions = new Map<string, bigint>();
  private buffer: RecordedEvent[] = [];
  /** Batches and retries run one at a time, in order: each job is chained here. */
  private tail: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private readonly waiters = new PositionWaiters((position, names) =>
    checkpointsReach(this.positions, position, names),
  );
  private stopped = false;
  private caughtUp = false;
  /** The last position handed to the projections that are not failing. */
  private sharedPosition = 0n;
  private retryTimer: NodeJS.Timeout | undefined;
  private requestTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<CoreTables>,
    projections: readonly Projection[],
    private readonly clock: Clock,
    private readonly logger: RunnerLogger = silent,
    private readonly lingerMs = 5,
    /** Told after every committed batch and when the runner catches up. */
    private readonly onProgress: (checkpoints: ReadonlyMap<string, bigint>, caughtUp: boolean) => void = () =>
      undefined,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.lanes = projections.map((projection) => ({ projection, position: 0n }));
  }

  async start(): Promise<void> {
    this.stopped = false;
    // A start tries a stalled projection again, on its own: it reads the log from its checkpoint
    // while the others go on from theirs (not from its, far behind). It stalls anew if the event
    // still fails; its record goes once it applies it.
    for (const stall of await readStalls(this.db)) {
      const lane = this.lanes.find((l) => l.projection.name === stall.name);
      if (!lane || lane.failure) continue;
      lane.failure = { ...stall, state: 'retrying', attempts: 0 };
      lane.retryAt = 0;
    }
    await this.subscribe();
    this.scheduleRetry();
  }

  /** (Re)opens the shared subscription from the checkpoints stored; a stopped runner opens none. */
  private async subscribe(): Promise<void> {
    const stored = await readCheckpoints(this.db);
    for (const lane of this.lanes) {
      lane.position = stored.get(lane.projection.name) ?? 0n;
      this.positions.set(lane.projection.name, lane.position);
    }
    // Projections failing on an event catch up from the log by themselves; the others share one subscription.
    const live = this.lanes.filter((l) => !l.failure);
    const from = lowest(live.length > 0 ? live : this.lanes);
    this.sharedPosition = from;
    if (this.stopped) return;
    this.subscription = this.store.subscribeToAll({
      from: from === 0n ? 'start' : { after: from },
      filter: { excludeSystemEvents: true },
    });
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

  failures(): readonly ProjectionFailure[] {
    return this.lanes.flatMap((l) => (l.failure ? [l.failure] : []));
  }

  waitFor(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    return this.waiters.wait(position, timeoutMs, names);
  }

  /** Tries a stalled projection again now (what `projections retry NAME` asks through the read-model store). */
  retry(name: string): Promise<void> {
    return this.serial(async () => {
      const lane = this.lanes.find((l) => l.projection.name === name);
      if (!lane?.failure) return;
      lane.failure = { ...lane.failure, state: 'retrying', attempts: 0 };
      lane.retryAt = 0;
      await this.retryDue();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.requestTimer);
    this.requestTimer = undefined;
    // A subscription reopened while stopping is closed too: wait until the loop stops changing.
    for (let loop = this.loop; ; loop = this.loop) {
      await this.subscription?.unsubscribe();
      await loop;
      if (this.loop === loop) break;
    }
    await this.flush();
    await this.tail;
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
        if (!this.stopped) await this.subscribe();
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

  /** Runs `job` after every job before it; a failing job does not stop the ones after it. */
  private serial(job: () => Promise<void>): Promise<void> {
    const run = this.tail.then(job);
    this.tail = run.catch((error: unknown) => this.logger.error({ err: error }, 'projection work failed'));
    return this.tail;
  }

  private flush(): Promise<void> {
    return this.serial(async () => {
      if (this.buffer.length === 0) return;
      const batch = this.buffer;
      this.buffer = [];
      await this.applyShared(batch);
    });
  }

  /** A batch for every projection not failing on an event, each in its own transaction. */
  private async applyShared(batch: readonly RecordedEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        for (const lane of this.lanes) if (!lane.failure) await this.applyLive(lane, batch);
        this.sharedPosition = batch[batch.length - 1].position;
        this.reportProgress();
        return;
      } catch (error) {
        // The store away, or the progress report failing after a commit: nothing is skipped, the
        // same batch is applied again (each projection skips what it already committed). A runner
        // being stopped gives up instead: the next start reads the batch again.
        if (this.stopped) {
          this.logger.error(
            { err: error, attempt },
            'projection batch failed while stopping; the next start applies it',
          );
          return;
        }
        this.logger.error({ err: error, attempt }, 'projection batch failed; applying it again');
        await new Promise((r) => setTimeout(r, Math.min(5000, 50 * attempt)));
      }
    }
  }

  private async applyLive(lane: Lane, batch: readonly RecordedEvent[]): Promise<void> {
    try {
      await this.commit(lane, batch);
    } catch (error) {
      if (!(await this.readModelsAnswer(lane))) throw error;
      // The store answers: the projection itself failed. Find the event, keep what came before it.
      try {
        await this.commitOneByOne(lane, batch);
      } catch (failed) {
        if (!(failed instanceof FailedOnEvent)) throw failed;
        await this.fail(lane, failed.event, failed.failure);
      }
    }
  }

  /** Applies `events` to one projection in one transaction that moves its checkpoint. */
  private async commit(lane: Lane, events: readonly RecordedEvent[]): Promise<void> {
    const { projection } = lane;
    const moved = await this.db.transaction().execute(async (trx) => {
      const checkpoint = await lockCheckpoint(trx, projection.name, this.clock.now());
      const fresh = events.filter((e) => e.position > checkpoint);
      if (fresh.length === 0) return checkpoint;
      const relevant = fresh.filter((e) => projection.handles(e));
      if (relevant.length > 0) {
        const unit = projection.begin(trx);
        await unit.apply(relevant);
        await unit.flush();
      }
      const last = fresh[fresh.length - 1].position;
      await writeCheckpoint(trx, projection.name, last, this.clock.now());
      return last;
    });
    if (moved > lane.position) lane.position = moved;
    this.positions.set(projection.name, lane.position);
  }

  /** Applies `events` one transaction each, to name the event a projection fails on. */
  private async commitOneByOne(lane: Lane, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await this.commit(lane, [event]);
      } catch (error) {
        if (!(await this.readModelsAnswer(lane))) throw error;
        throw new FailedOnEvent(event, error);
      }
    }
  }

  /**
   * Whether the read-model store takes a write for this projection now: the same checkpoint lock its
   * commits take, so a store that is away, full, read-only or locked by a rebuild is told apart from a
   * projection failing on an event (only the latter counts as an attempt, or stalls it).
   */
  private async readModelsAnswer(lane: Lane): Promise<boolean> {
    try {
      await this.db.transaction().execute((trx) => lockCheckpoint(trx, lane.projection.name, this.clock.now()));
      return true;
    } catch {
      return false;
    }
  }

  private async fail(lane: Lane, event: RecordedEvent, error: unknown): Promise<void> {
    const name = lane.projection.name;
    const previous = lane.failure?.position === event.position ? lane.failure : undefined;
    const attempts = (previous?.attempts ?? 0) + 1;
    const stalled = attempts >= this.policy.maxAttempts;
    const failure: ProjectionFailure = {
      name,
      state: stalled ? 'stalled' : 'retrying',
      position: event.position,
      eventType: event.type,
      streamId: event.streamId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      attempts,
      since: previous?.since ?? this.clock.now(),
    };
    lane.failure = failure;
    const context = {
      projection: name,
      position: event.position.toString(),
      eventType: event.type,
      streamId: event.streamId,
      attempts,
      err: error,
    };
    if (!stalled) {
      const delay = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (attempts - 1));
      lane.retryAt = Date.now() + delay;
      this.logger.error(
        { ...context, retryInMs: delay },
        'projection failed on an event; the others go on, it is retried',
      );
      this.scheduleRetry();
    } else {
      lane.retryAt = undefined;
      this.logger.error(
        context,
        'projection STALLED on an event: the others go on; fix the cause, then `npm run cli -- projections retry NAME` (or restart)',
      );
      await recordStall(this.db, failure).catch((err: unknown) =>
        this.logger.error({ projection: name, err }, 'could not record the stalled projection'),
      );
      this.watchRetryRequests();
    }
    this.reportProgress();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const due = this.lanes.flatMap((l) =>
      l.failure?.state === 'retrying' && l.retryAt !== undefined ? [l.retryAt] : [],
    );
    if (due.length === 0 || this.stopped) return;
    this.retryTimer = setTimeout(
      () => void this.serial(() => this.retryDue()),
      Math.max(0, Math.min(...due) - Date.now()),
    );
    this.retryTimer.unref();
  }

  /** Tries every retrying projection whose time has come. */
  private async retryDue(): Promise<void> {
    for (const lane of this.lanes) {
      if (this.stopped) return;
      if (lane.failure?.state !== 'retrying' || (lane.retryAt ?? 0) > Date.now()) continue;
      await this.catchUp(lane);
    }
    this.scheduleRetry();
  }

  /**
   * A failing projection reads the log by itself from its checkpoint up to where the others are;
   * once there, it joins their batches again.
   */
  private async catchUp(lane: Lane): Promise<void> {
    const name = lane.projection.name;
    try {
      let batch: RecordedEvent[] = [];
      const apply = async () => {
        try {
          await this.commit(lane, batch);
        } catch (error) {
          if (!(await this.readModelsAnswer(lane))) throw error;
          await this.commitOneByOne(lane, batch);
        }
        batch = [];
      };
      const failedAt = lane.failure?.position;
      for await (const event of this.store.readAll({ fromPosition: lane.position + 1n })) {
        // A runner being stopped leaves the failure as it stands: what was committed stays, the next start goes on.
        if (this.stopped) return;
        if (event.position > this.sharedPosition) break;
        if (event.type.startsWith('$')) continue;
        if (event.position === failedAt) {
          // The event it failed on is tried on its own: one attempt, one application.
          if (batch.length > 0) await apply();
          await this.commitOneByOne(lane, [event]);
          continue;
        }
        batch.push(event);
        if (batch.length >= BATCH) await apply();
      }
      if (batch.length > 0) await apply();
      if (this.stopped) return;
      const was = lane.failure;
      lane.failure = undefined;
      lane.retryAt = undefined;
      this.logger.info(
        { projection: name, position: lane.position.toString(), after: was?.attempts },
        'projection applied the event it had failed on; it runs with the others again',
      );
      await clearStall(this.db, name);
      if (!this.lanes.some((l) => l.failure?.state === 'stalled')) {
        clearInterval(this.requestTimer);
        this.requestTimer = undefined;
      }
      this.reportProgress();
    } catch (error) {
      if (error instanceof FailedOnEvent) {
        await this.fail(lane, error.event, error.failure);
        return;
      }
      // The log or the read-model store away: not the projection's failure; try again later.
      lane.retryAt = Date.now() + this.policy.maxDelayMs;
      this.logger.error(
        { projection: name, err: error },
        'could not retry the projection (store away); trying again later',
      );
    }
  }

  private watchRetryRequests(): void {
    if (this.requestTimer || this.stopped) return;
    this.requestTimer = setInterval(() => {
      void this.serial(async () => {
        const stalled = this.lanes.filter((l) => l.failure?.state === 'stalled').map((l) => l.projection.name);
        const recorded = new Set((await readStalls(this.db)).map((r) => r.name));
        // Asked to retry, or no longer recorded as stalled (another runner applied the event, or a
        // rebuild replaced the view): try again; a projection with nothing left to apply joins the others.
        const retry = [
          ...(await takeRetryRequests(this.db, stalled)),
          ...stalled.filter((name) => !recorded.has(name)),
        ];
        for (const name of new Set(retry)) {
          const lane = this.lanes.find((l) => l.projection.name === name)!;
          this.logger.info({ projection: name }, 'retrying the stalled projection, as asked');
          lane.failure = { ...lane.failure!, state: 'retrying', attempts: 0 };
          lane.retryAt = 0;
        }
        await this.retryDue();
      });
    }, this.policy.retryRequestPollMs);
    this.requestTimer.unref();
  }

  private reportProgress(): void {
    this.onProgress(this.positions, this.caughtUp);
    this.waiters.progress();
  }
}

function lowest(lanes: readonly Lane[]): bigint {
  let result: bigint | undefined;
  for (const lane of lanes) if (result === undefined || lane.position < result) result = lane.position;
  return result ?? 0n;
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
