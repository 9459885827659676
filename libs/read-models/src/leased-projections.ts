import type { Leases } from './leases';
import type { ProjectionFailure } from './projection-failures';
import type { ProjectionProgress } from './projection-runner';

export const LEASES = Symbol('LEASES');

/**
 * Projections that run only in the process holding the 'projections' lease (PostgreSQL read models,
 * where several processes may run them). A process standing by answers as one without projections:
 * see `projectionsHere`.
 */
export class LeasedProjections implements ProjectionProgress {
  constructor(
    private readonly inner: ProjectionProgress,
    private readonly leases: Leases,
    readonly part = 'projections',
  ) {}

  /** Whether the projections run in this process now. */
  get held(): boolean {
    return this.leases.holds(this.part);
  }

  start(): Promise<void> {
    this.leases.run(this.part, this.inner);
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return this.leases.release(this.part);
  }

  waitFor(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    return this.inner.waitFor(position, timeoutMs, names);
  }

  checkpoints(): ReadonlyMap<string, bigint> {
    return this.inner.checkpoints();
  }

  failures(): readonly ProjectionFailure[] {
    return this.held ? this.inner.failures() : [];
  }

  get isCaughtUp(): boolean {
    return this.held && this.inner.isCaughtUp;
  }
}

/**
 * The projections running in this process now, or null: none configured here, or another process
 * holds their lease (then read their checkpoints and stalls in the read-model store, as beside a worker).
 */
export function projectionsHere(progress: ProjectionProgress | null): ProjectionProgress | null {
  if (progress instanceof LeasedProjections && !progress.held) return null;
  return progress;
}
