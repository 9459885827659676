import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@ruamjai/config';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import { PlatformModule } from '@ruamjai/platform';

/**
 * The worker: projections (and, with later issues, the Kafka relay and schedulers) without HTTP.
 * Run it beside an API started with PROJECTIONS_IN_PROCESS=false.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  @Module({
    imports: [PlatformModule.forRoot({ config, projections: planningProjections, migrations: [planningMigrations], runProjections: true })],
  })
  class WorkerModule {}
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  new Logger('Worker').log('projections running');
}

void main();
