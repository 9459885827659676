import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@ruamjai/config';
import { CommandRunner, EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { KafkaRelay, RELAY_LEASE, RelayModule } from '@ruamjai/messaging';
import { planIntegrationEvents, planningMigrations, planningProjections } from '@ruamjai/planning';
import { identityMigrations, identityProjections } from '@ruamjai/identity';
import {
  caseIntegrationEvents,
  casesMigrations,
  CasesModule,
  casesProjections,
  InboundReferralsModule,
  referralIntegrationEvents,
} from '@ruamjai/cases';
import { CqrsModule } from '@nestjs/cqrs';
import { NotificationsModule, notificationMigrations } from '@ruamjai/notifications';
import { createLogger, Metrics, PinoNestLogger, PlatformModule } from '@ruamjai/platform';
import {
  LEASES,
  PROJECTION_PROGRESS,
  projectionsHere,
  type Leases,
  type ProjectionProgress,
} from '@ruamjai/read-models';
import { createServer, type ServerResponse } from 'node:http';

/**
 * The worker: projections and, when KAFKA_BROKERS is set, the integration-event relay; no API.
 * Run it beside an API started with PROJECTIONS_IN_PROCESS=false. It serves /health and /metrics
 * only, and logs JSON lines through pino like the API. Beside PostgreSQL read models any number of
 * workers may run: each part (projections, relay, notifier, scheduler) runs in the one holding its
 * lease, the others stand by and take over within seconds (LEASE_POLL_MS).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel, 'ruamjai-worker');
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'worker',
        config,
        projections: [...planningProjections, ...casesProjections, ...identityProjections],
        migrations: [planningMigrations, casesMigrations, identityMigrations, notificationMigrations],
        runProjections: true,
      }),
      RelayModule.forRoot([planIntegrationEvents, caseIntegrationEvents, referralIntegrationEvents]),
      // Case work: the overdue scheduler runs here with the projections; inbound referrals where the relay runs.
      CqrsModule.forRoot(),
      CasesModule.forRoot({ runScheduler: true }),
      InboundReferralsModule,
      // Notices to people (the bell, e-mail, webhooks), planned from the log like a projection.
      NotificationsModule.forRoot({ run: true }),
    ],
  })
  class WorkerModule {}
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(log),
    abortOnError: false,
  });
  const metrics = app.get(Metrics);
  const store = app.get<EventStore>(EVENT_STORE);
  const progress = app.get<ProjectionProgress | null>(PROJECTION_PROGRESS);
  const relay = app.get<KafkaRelay | null>(KafkaRelay);
  const leases = app.get<Leases | null>(LEASES);
  if (relay) metrics.watchRelay(store, relay.name, () => relay.progress.checkpoint);
  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      void metrics
        .expose()
        .then(({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body));
    } else if (request.url === '/health') {
      void health(store, progress, relay, leases, app.get(CommandRunner), response);
    } else {
      response.writeHead(404).end();
    }
  }).listen(config.workerMetricsPort);
  log.info(
    { port: config.workerMetricsPort, relay: Boolean(relay) },
    relay
      ? 'projections, overdue scheduler, notifier, relay and inbound referrals running'
      : 'projections, overdue scheduler and notifier running (no KAFKA_BROKERS: no relay, no inbound referrals)',
  );
  const shutdown = () => {
    log.info('shutting down');
    server.close();
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/**
 * Up when the event store answers and writes are not refused (a log shorter than the read models:
 * nothing is projected until they are rebuilt); says how far the projections and the relay have come.
 */
async function health(
  store: EventStore,
  progress: ProjectionProgress | null,
  relay: KafkaRelay | null,
  leases: Leases | null,
  commands: CommandRunner,
  response: ServerResponse,
): Promise<void> {
  let eventStore: { status: 'up' | 'down'; error?: string } = { status: 'up' };
  try {
    await store.ping();
  } catch (error) {
    eventStore = { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
  const head = eventStore.status === 'up' ? await store.headPosition().catch(() => undefined) : undefined;
  const refused = commands.writesRefused;
  const here = projectionsHere(progress);
  const up = eventStore.status === 'up' && !refused;
  const body = {
    status: up ? 'up' : 'down',
    ...(refused ? { writesRefused: { code: refused.code, reason: refused.text.en } } : {}),
    uptimeSeconds: Math.round(process.uptime()),
    eventStore,
    headPosition: head?.toString() ?? null,
    // The parts this worker runs now, and those it stands by for (another process holds their lease).
    ...(leases ? { leases: leases.status() } : {}),
    projections: here
      ? {
          caughtUp: here.isCaughtUp,
          checkpoints: Object.fromEntries(
            [...here.checkpoints()].map(([name, position]) => [name, position.toString()]),
          ),
        }
      : null,
    relay:
      relay && (!leases || leases.holds(RELAY_LEASE)) ? { checkpoint: relay.progress.checkpoint.toString() } : null,
  };
  response.writeHead(up ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

main().catch((error: unknown) => {
  process.stderr.write(`Ruamjai worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
