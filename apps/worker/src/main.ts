import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@ruamjai/config';
import { RelayModule } from '@ruamjai/messaging';
import { planIntegrationEvents, planningMigrations, planningProjections } from '@ruamjai/planning';
import { PlatformModule } from '@ruamjai/platform';

/**
 * The worker: projections and, when KAFKA_BROKERS is set, the integration-event relay; no HTTP.
 * Run it beside an API started with PROJECTIONS_IN_PROCESS=false.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  @Module({
    imports: [
      PlatformModule.forRoot({ config, projections: planningProjections, migrations: [planningMigrations], runProjections: true }),
      RelayModule.forRoot([planIntegrationEvents]),
    ],
  })
  class WorkerModule {}
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  new Logger('Worker').log(config.kafka.brokers.length > 0 ? 'projections and relay running' : 'projections running (no KAFKA_BROKERS: no relay)');
}

void main();
