import { secureDataDir } from './data-dir';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import {
  CommandRunner,
  EVENT_STORE,
  connectKurrentDb,
  PostgresEventStore,
  SqliteEventStore,
  WritesRefused,
  type EventStore,
} from '@ruamjai/event-store';
import { CLOCK, systemClock, type Clock } from '@ruamjai/kernel';
import {
  checkpointsAheadOf,
  IdempotencyStore,
  migrateReadModels,
  isSqlite,
  LeasedProjections,
  Leases,
  LEASES,
  openPostgresReadModels,
  openSqliteReadModels,
  openSqliteRequests,
  PROJECTION_PROGRESS,
  ProjectionRunner,
  PROJECTIONS,
  READ_MODEL_DB,
  ThreadedProjections,
  type Projection,
  type ProjectionProgress,
  type ReadModelDb,
} from '@ruamjai/read-models';
import { loadOrCreateSigningKey, TokenVerifier } from '@ruamjai/security';
import type { Kysely, Migration } from 'kysely';
import { Metrics } from './metrics';
import { join } from 'node:path';

export interface PlatformOptions {
  /** Names the process in metrics: api, worker. */
  readonly app: string;
  readonly config: AppConfig;
  readonly projections: readonly Projection[];
  readonly migrations: Record<string, Migration>[];
  /** Run the projection runner in this process (the API on the embedded default, or the worker). */
  readonly runProjections: boolean;
  /**
   * Where a projection thread can load the same projections from. With the embedded store the
   * projections then run off the event loop; without it they run on it.
   */
  readonly projectionsModule?: ProjectionsModuleRef | readonly ProjectionsModuleRef[];
  readonly clock?: Clock;
}

/** A module exporting a context's projections, for the projection thread to load. */
export interface ProjectionsModuleRef {
  readonly path: string;
  readonly exportName: string;
}

/** The event store EVENT_STORE chose (its PostgreSQL schema is created by the first call). */
export function openEventStore(config: AppConfig): EventStore {
  const choice = config.eventStore;
  switch (choice.kind) {
    case 'kurrentdb':
      return connectKurrentDb(choice.connectionString);
    case 'postgres':
      return PostgresEventStore.connect({ connectionString: choice.url });
    case 'sqlite':
      return SqliteEventStore.open({ file: join(config.dataDir, 'events.sqlite') });
    default: {
      const _: never = choice;
      throw new Error(`unknown event store ${JSON.stringify(_)}`);
    }
  }
}

export function readModelsFile(config: AppConfig): string {
  return join(config.dataDir, 'read-models.sqlite');
}

export async function openReadModels(config: AppConfig, migrations: Record<string, Migration>[]): Promise<ReadModelDb> {
  const db = config.databaseUrl
    ? openPostgresReadModels(config.databaseUrl)
    : openSqliteReadModels(readModelsFile(config), { cacheMb: config.readModelCacheMb });
  await migrateReadModels(db as unknown as Kysely<unknown>, migrations);
  return db;
}

export async function createTokenVerifier(config: AppConfig): Promise<TokenVerifier> {
  const { jwksUrl, publicKeyPem, issuer, audience } = config.jwt;
  const province = config.deploymentProvince;
  if (jwksUrl) return TokenVerifier.withJwks(jwksUrl, issuer, audience, province);
  if (publicKeyPem) return TokenVerifier.withPublicKeyPem(publicKeyPem, issuer, audience, province);
  const key = await loadOrCreateSigningKey(config.dataDir);
  return TokenVerifier.withKey(key.publicKey, issuer, audience, province);
}

/**
 * Starts the projection runner with the application and drains it on shutdown. At start it first
 * compares the read models' checkpoints with the log's head: a checkpoint past the head means the log
 * is shorter than what was projected from it (restored from a backup, truncated, replaced). New
 * events would then reuse positions the projections have passed and be skipped silently, so the
 * process refuses writes and runs no projection until the read models are rebuilt from this log.
 */
@Injectable()
class PlatformLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_PROGRESS) private readonly runner: ProjectionProgress | null,
    @Inject(IdempotencyStore) private readonly requests: IdempotencyStore,
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(LEASES) private readonly leases: Leases | null,
  ) {}

  async onModuleInit(): Promise<void> {
    const head = await this.store.headPosition();
    const ahead = await checkpointsAheadOf(this.db, head);
    if (ahead.length > 0) {
      const refusal = new WritesRefused(head, ahead);
      this.logger.error({
        msg: refusal.text.en,
        headPosition: (head ?? 0n).toString(),
        checkpointsAhead: refusal.details?.checkpointsAhead,
      });
      this.commands.refuseWrites(refusal, async () => {
        if ((await checkpointsAheadOf(this.db, await this.store.headPosition())).length > 0) return false;
        this.logger.log('the read models match the log again: writes accepted, projections started');
        if (this.runner) await this.runner.start();
        return true;
      });
      return;
    }
    if (this.runner) await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    // Every part still held here (the relay, the notifier, a scheduler) stops before its stores close.
    await this.leases?.close();
    await this.store.close();
    await this.requests.close();
    await this.db.destroy();
    this.logger.log('event store and read models closed');
  }
}

/**
 * The adapters the configuration chooses: the embedded SQLite store, PostgreSQL or KurrentDB, the read-model
 * database, the projection runner, the clock and the token verifier.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    // The signing key always lives in the data folder, whichever stores are chosen.
    for (const fixed of secureDataDir(options.config.dataDir))
      new Logger('Platform').warn(`data folder was readable by others: ${fixed}`);
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: clock },
        { provide: PROJECTIONS, useValue: options.projections },
        { provide: EVENT_STORE, useFactory: () => openEventStore(options.config) },
        { provide: READ_MODEL_DB, useFactory: () => openReadModels(options.config, options.migrations) },
        {
          provide: LEASES,
          // Only PostgreSQL read models are shared between processes; the embedded default has one process.
          useFactory: (): Leases | null => {
            const url = options.config.databaseUrl;
            if (!url) return null;
            const logger = new Logger('Leases');
            return new Leases({
              connectionString: url,
              pollMs: options.config.leasePollMs,
              logger: {
                info: (obj, msg) => logger.log({ ...obj, msg }),
                warn: (obj, msg) => logger.warn({ ...obj, msg }),
              },
            });
          },
        },
        { provide: CommandRunner, useFactory: (store: EventStore) => new CommandRunner(store), inject: [EVENT_STORE] },
        {
          provide: IdempotencyStore,
          // PostgreSQL keeps them beside the read models; the embedded default in requests.sqlite.
          // That file syncs to the operating system at each commit, not to the disk (WAL,
          // synchronous=NORMAL): a killed process loses no record, a power failure may lose the last
          // ones. A record lost after its events were stored costs nothing: event ids derive from the
          // key and the request, so the retry runs again and the log takes its events as a retry.
          // Syncing each record to the disk (FULL) held the API's only thread for two syncs a command.
          useFactory: async (db: ReadModelDb) => {
            if (options.config.databaseUrl) return new IdempotencyStore(db);
            const requests = openSqliteRequests(join(options.config.dataDir, 'requests.sqlite'), 'NORMAL');
            await migrateReadModels(requests as unknown as Kysely<unknown>, []);
            return new IdempotencyStore(requests, true);
          },
          inject: [READ_MODEL_DB],
        },
        {
          provide: PROJECTION_PROGRESS,
          useFactory: (store: EventStore, db: ReadModelDb, leases: Leases | null): ProjectionProgress | null => {
            if (!options.runProjections) return null;
            const logger = {
              info: (obj: object, msg?: string) => new Logger('Projections').log({ ...obj, msg }),
              error: (obj: object, msg?: string) => new Logger('Projections').error({ ...obj, msg }),
            };
            // SQLite work is synchronous: keep it off the event loop. PostgreSQL and KurrentDB I/O is not.
            const [first, ...more] = [options.projectionsModule ?? []].flat();
            if (store instanceof SqliteEventStore && isSqlite(db) && first) {
              const threaded = new ThreadedProjections({
                eventsFile: join(options.config.dataDir, 'events.sqlite'),
                readModelsFile: readModelsFile(options.config),
                readModelCacheMb: options.config.readModelCacheMb,
                heapMb: options.config.projectionThreadHeapMb,
                projectionsModule: first.path,
                projectionsExport: first.exportName,
                extraProjectionsModules: more,
                logger,
              });
              store.onCommitted(() => threaded.notifyCommitted());
              return threaded;
            }
            const runner = new ProjectionRunner(store, db, options.projections, clock, logger);
            return leases ? new LeasedProjections(runner, leases) : runner;
          },
          inject: [EVENT_STORE, READ_MODEL_DB, LEASES],
        },
        { provide: TokenVerifier, useFactory: () => createTokenVerifier(options.config) },
        {
          provide: Metrics,
          useFactory: (store: EventStore, progress: ProjectionProgress | null, leases: Leases | null) => {
            const metrics = new Metrics(options.app);
            metrics.watchProjections(store, progress);
            if (leases) metrics.watchLeases(leases);
            return metrics;
          },
          inject: [EVENT_STORE, PROJECTION_PROGRESS, LEASES],
        },
        PlatformLifecycle,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        PROJECTIONS,
        EVENT_STORE,
        READ_MODEL_DB,
        LEASES,
        CommandRunner,
        IdempotencyStore,
        PROJECTION_PROGRESS,
        TokenVerifier,
        Metrics,
      ],
    };
  }
}
