import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import {
  PROJECTION_PROGRESS,
  PROJECTIONS,
  projectionsHere,
  READ_MODEL_DB,
  readCheckpoints,
  readStalls,
  type Projection,
  type ProjectionProgress,
  type ReadModelDb,
} from '@ruamjai/read-models';
import type { FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { minPositionMalformed, minPositionNotWritten, viewLagging, viewStalled } from './problem';

const POSITION = /^\d{1,19}$/;

/**
 * Read-your-writes: a command answers with the position it wrote (X-Ruamjai-Position); a query
 * given `?minPosition=` (or the X-Ruamjai-Min-Position header) waits until the projections it
 * reads have applied that position, or answers 503 PROJECTION.LAGGING with Retry-After. A query
 * reading a projection stalled before that position answers 503 PROJECTION.STALLED at once; one
 * reading only other projections is not held up by it.
 */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(PROJECTION_PROGRESS) private readonly runner: ProjectionProgress | null,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** `reads`: the projections the query reads (every one, when not given). */
  async await(request: FastifyRequest, reads?: readonly string[]): Promise<void> {
    const raw = (request.query as Record<string, unknown>).minPosition ?? request.headers['x-ruamjai-min-position'];
    if (raw === undefined) return;
    if (typeof raw !== 'string' || !POSITION.test(raw)) throw minPositionMalformed();
    const position = BigInt(raw);
    // In process the stalls are in memory; beside a worker (or another replica holding the
    // projections' lease) they are read only once a view is found short.
    const runner = projectionsHere(this.runner);
    if (runner) await this.refuseIfStalled(position, reads);
    const reached = runner
      ? await runner.waitFor(position, this.config.readYourWritesTimeoutMs, reads)
      : await this.pollCheckpoints(position, this.config.readYourWritesTimeoutMs, reads);
    if (reached) return;
    // Only a wait that failed looks at the log: a position it never reached was never written.
    const head = (await this.store.headPosition()) ?? -1n;
    if (position > head) throw minPositionNotWritten(position, head);
    await this.refuseIfStalled(position, reads);
    throw viewLagging(position);
  }

  private async refuseIfStalled(position: bigint, reads: readonly string[] | undefined): Promise<void> {
    const runner = projectionsHere(this.runner);
    const stalled = runner ? runner.failures().filter((f) => f.state === 'stalled') : await readStalls(this.db);
    const blocking = stalled
      .filter((f) => (reads === undefined || reads.includes(f.name)) && f.position <= position)
      .map((f) => f.name);
    if (blocking.length > 0) throw viewStalled(position, blocking);
  }

  /** When projections run in the worker, the API watches their checkpoints in the read-model store. */
  private async pollCheckpoints(
    position: bigint,
    timeoutMs: number,
    reads: readonly string[] | undefined,
  ): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const names = reads ?? this.projections.map((p) => p.name);
    for (let first = true; ; first = false) {
      const checkpoints = await readCheckpoints(this.db);
      if (names.every((name) => (checkpoints.get(name) ?? 0n) >= position)) return true;
      if (first) await this.refuseIfStalled(position, reads);
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
