import { SkipThrottle } from '@nestjs/throttler';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { CommandRunner, EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import {
  failureToJson,
  IdempotencyStore,
  PROJECTION_PROGRESS,
  projectionsHere,
  READ_MODEL_DB,
  readStalls,
  type ProjectionFailure,
  type ProjectionProgress,
  type ReadModelDb,
} from '@ruamjai/read-models';
import { Public } from '@ruamjai/security';
import { sql } from 'kysely';
import { StoreWriteHealth } from '../http/store-health';
import { withReplyStatus } from '../http/reply-headers';

type Check = { status: 'up' | 'down'; error?: string };

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_PROGRESS) private readonly runner: ProjectionProgress | null,
    private readonly requests: IdempotencyStore,
    private readonly writes: StoreWriteHealth,
    private readonly commands: CommandRunner,
  ) {}

  @Get()
  @Public()
  // Probes and scrapes are never throttled: a busy monitor must not see a healthy service as down.
  @SkipThrottle()
  @ApiOkResponse({
    description:
      'The process, the event store, the read models and the request records answer (status "degraded": a projection is stalled, named under projections.stalled; the other views are current)',
  })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  async health() {
    const [store, readModels, requestRecords] = await Promise.all([
      check(() => this.store.ping()),
      check(async () => {
        await sql`select 1`.execute(this.db);
      }),
      check(() => this.requests.ping()),
    ]);
    const head = store.status === 'up' ? await this.store.headPosition().catch(() => undefined) : undefined;
    // A projection failing on an event is named with the event and the error; the others go on.
    const runner = projectionsHere(this.runner);
    const failures: readonly ProjectionFailure[] = runner
      ? runner.failures()
      : readModels.status === 'up'
        ? await readStalls(this.db).catch(() => [])
        : [];
    const failing = failures.length > 0 ? { failing: failures.map(failureToJson) } : {};
    const projections = runner
      ? {
          caughtUp: runner.isCaughtUp,
          checkpoints: Object.fromEntries(
            [...runner.checkpoints()].map(([name, position]) => [name, position.toString()]),
          ),
          ...failing,
        }
      : // Projections configured here but run by the process holding their lease (PostgreSQL read models).
        { runsIn: this.runner ? 'lease-holder' : 'worker', ...failing };
    const stalled = failures.some((f) => f.state === 'stalled');
    // Reads may still answer while writes fail (a full disk): the store is down until a write succeeds.
    const failure = this.writes.lastFailure;
    if (failure && store.status === 'up')
      Object.assign(store, { status: 'down', error: `last write failed (${failure.code}) at ${failure.at}` });
    // A log shorter than the read models: writes are refused until they are rebuilt (see the reason).
    const refused = this.commands.writesRefused;
    const up = store.status === 'up' && readModels.status === 'up' && requestRecords.status === 'up' && !refused;
    // Stalled views leave the service in rotation: every other view and every command still works.
    return withReplyStatus(
      {
        status: up ? (stalled ? 'degraded' : 'up') : 'down',
        ...(refused ? { writesRefused: { code: refused.code, reason: refused.text.en } } : {}),
        uptimeSeconds: Math.round(process.uptime()),
        eventStore: store,
        readModels,
        requestRecords,
        headPosition: head?.toString() ?? null,
        projections,
      },
      up ? 200 : 503,
    );
  }
}

async function check(probe: () => Promise<void>): Promise<Check> {
  try {
    await probe();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
