import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { PROJECTION_PROGRESS, PROJECTIONS, READ_MODEL_DB, readCheckpoints, type Projection, type ProjectionProgress, type ReadModelDb } from '@ruamjai/read-models';
import type { FastifyRequest } from 'fastify';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { minPositionMalformed, minPositionNotWritten, viewLagging } from './problem';

const POSITION = /^\d{1,19}$/;

/**
 * Read-your-writes: a command answers with the position it wrote (X-Ruamjai-Position); a query
 * given `?minPosition=` (or the X-Ruamjai-Min-Position header) waits until every projection has
 * applied that position, or answers 503 PROJECTION.LAGGING with Retry-After.
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

  async await(request: FastifyRequest): Promise<void> {
    const raw = (request.query as Record<string, unknown>).minPosition ?? request.headers['x-ruamjai-min-position'];
    if (raw === undefined) return;
    if (typeof raw !== 'string' || !POSITION.test(raw)) throw minPositionMalformed();
    const position = BigInt(raw);
    const reached = this.runner
      ? await this.runner.waitFor(position, this.config.readYourWritesTimeoutMs)
      : await this.pollCheckpoints(position, this.config.readYourWritesTimeoutMs);
    if (reached) return;
    // Only a wait that failed looks at the log: a position it never reached was never written.
    const head = (await this.store.headPosition()) ?? -1n;
    throw position > head ? minPositionNotWritten(position, head) : viewLagging(position);
  }

  /** When projections run in the worker, the API watches their checkpoints in the read-model store. */
  private async pollCheckpoints(position: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoints = await readCheckpoints(this.db);
      if (this.projections.every((p) => (checkpoints.get(p.name) ?? 0n) >= position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
