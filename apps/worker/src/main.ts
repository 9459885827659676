import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@ruamjai/config';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import { PlatformModule } from '@ruamjai/platform';

/**
 * The worker: projections (and, with later issues, the Kafka relay and schedulers) without HTTP.
 * Run it beside an API started with PROJECTIONS_IN_PROCESS=false.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  @Module({
    imports: [PlatformModule.forRoot({ config, projections: planningProjections, migrations: [planningMigrations], runProjections: true })],
  })
  class WorkerModule {}
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  new Logger('Worker').log('projections running');
}

void main();
