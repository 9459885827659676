import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkpointsReach, PositionWaiters } from './position-waiters';
import { failureFromJson, type ProjectionFailure, type ProjectionFailureJson } from './projection-failures';
import type { ProjectionProgress, RunnerLogger } from './projection-runner';

export interface ProjectionThreadOptions {
  readonly eventsFile: string;
  readonly readModelsFile: string;
  /** The read models' page cache in MiB (READ_MODEL_CACHE_MB). */
  readonly readModelCacheMb?: number;
  /** The thread's old-generation heap in MiB (PROJECTION_THREAD_HEAP_MB); V8's default when absent. */
  readonly heapMb?: number;
  /** A module exporting the projections (functions cannot cross threads; a module path can). */
  readonly projectionsModule: string;
  readonly projectionsExport: string;
  /** Other bounded contexts' projections, run in the same thread and transactions. */
  readonly extraProjectionsModules?: ReadonlyArray<{ readonly path: string; readonly exportName: string }>;
  readonly logger?: RunnerLogger;
}

type FromThread =
  | { kind: 'progress'; checkpoints: Array<[string, string]>; caughtUp: boolean; failures: ProjectionFailureJson[] }
  | { kind: 'log'; level: 'info' | 'error'; obj: object; msg: string }
  | { kind: 'stopped' };

/**
 * Projections of the embedded store, run on a thread of their own: read-model writes are
 * synchronous SQLite work, and on the API's event loop they would queue behind and ahead of every
 * request. The thread is told of each commit, reports its checkpoints back, and is restarted if it
 * dies.
 */
export class ThreadedProjections implements ProjectionProgress {
  private worker: Worker | undefined;
  private positions = new Map<string, bigint>();
  private failing: ProjectionFailure[] = [];
  private caughtUp = false;
  private stopping = false;
  private respawn: NodeJS.Timeout | undefined;
  private readonly waiters = new PositionWaiters((position, names) =>
    checkpointsReach(this.positions, position, names),
  );

  constructor(private readonly options: ProjectionThreadOptions) {}

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  checkpoints(): ReadonlyMap<string, bigint> {
    return this.positions;
  }

  failures(): readonly ProjectionFailure[] {
    return this.failing;
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.spawn();
  }

  /** Call after each commit of the event store's writer. */
  notifyCommitted(): void {
    this.worker?.postMessage('commit');
  }

  waitFor(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    return this.waiters.wait(position, timeoutMs, names);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.respawn);
    // A thread that has already exited (it died, and its restart is pending) will never exit again:
    // waiting for it would hang the shutdown.
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
    this.worker = undefined;
  }

  private spawn(): void {
    const entry = join(__dirname, `projection-thread.worker${extname(__filename)}`);
    const { logger: _logger, heapMb, ...data } = this.options;
    const worker = new Worker(entry, {
      workerData: data,
      // A bounded heap: V8 collects before it grows (a thread that needs more dies and is restarted).
      ...(heapMb
        ? { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.max(4, heapMb / 8) } }
        : {}),
      execArgv: entry.endsWith('.ts') ? ['--require', '@swc-node/register'] : [],
    });
    this.worker = worker;
    worker.on('message', (message: FromThread) => {
      if (message.kind === 'progress') {
        this.positions = new Map(message.checkpoints.map(([name, position]) => [name, BigInt(position)]));
        this.failing = message.failures.map(failureFromJson);
        this.caughtUp ||= message.caughtUp;
        this.waiters.progress();
      } else if (message.kind === 'log') {
        this.options.logger?.[message.level](message.obj, message.msg);
      }
    });
    worker.on('error', (error) => this.options.logger?.error({ err: error }, 'projection thread failed'));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.stopping) return;
      this.options.logger?.error({ code }, 'projection thread exited; restarting');
      this.respawn = setTimeout(() => {
        if (!this.stopping) this.spawn();
      }, 1000).unref();
    });
  }
}
