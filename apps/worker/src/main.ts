import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@ruamjai/config';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { KafkaRelay, RelayModule } from '@ruamjai/messaging';
import { planIntegrationEvents, planningMigrations, planningProjections } from '@ruamjai/planning';
import { identityMigrations, identityProjections } from '@ruamjai/identity';
import { caseIntegrationEvents, casesMigrations, CasesModule, casesProjections, InboundReferralsModule, referralIntegrationEvents } from '@ruamjai/cases';
import { CqrsModule } from '@nestjs/cqrs';
import { Metrics, PlatformModule } from '@ruamjai/platform';
import { createServer } from 'node:http';

/**
 * The worker: projections and, when KAFKA_BROKERS is set, the integration-event relay; no API.
 * Run it beside an API started with PROJECTIONS_IN_PROCESS=false. It serves /metrics only.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  @Module({
    imports: [
      PlatformModule.forRoot({ app: 'worker', config, projections: [...planningProjections, ...casesProjections, ...identityProjections], migrations: [planningMigrations, casesMigrations, identityMigrations], runProjections: true }),
      RelayModule.forRoot([planIntegrationEvents, caseIntegrationEvents, referralIntegrationEvents]),
      // Case work: the overdue scheduler runs here with the projections; inbound referrals where the relay runs.
      CqrsModule.forRoot(),
      CasesModule.forRoot({ runScheduler: true }),
      InboundReferralsModule,
    ],
  })
  class WorkerModule {}
  const app = await NestFactory.createApplicationContext(WorkerModule);
  const metrics = app.get(Metrics);
  const relay = app.get<KafkaRelay | null>(KafkaRelay);
  if (relay) metrics.watchRelay(app.get<EventStore>(EVENT_STORE), relay.name, () => relay.progress.checkpoint);
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    void metrics.expose().then(({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body));
  }).listen(config.workerMetricsPort);
  const log = new Logger('Worker');
  log.log(relay ? 'projections, overdue scheduler, relay and inbound referrals running' : 'projections and overdue scheduler running (no KAFKA_BROKERS: no relay, no inbound referrals)');
  const shutdown = () => {
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

main().catch((error: unknown) => {
  process.stderr.write(`Ruamjai worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
