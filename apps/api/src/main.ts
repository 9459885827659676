import { loadConfigOrExit } from '@ruamjai/config';
import { createApiApp } from './api-app';
import { createLogger } from './http/logger';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp(config, { logger, benchRoutes: process.argv.includes('--bench-routes') });
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  process.stdout.write(
    `\nRuamjai (ร่วมใจ) API: ${url}   OpenAPI: ${url}/api/docs   data: ${config.dataDir}\n` +
      `Get a token:  npm run --silent cli -- token --sub somchai --agency PSDHS-SK --role coordinator\n\n`,
  );
  logger.info(
    { url, dataDir: config.dataDir, eventStore: config.eventStoreConnectionString ? 'kurrentdb' : 'sqlite' },
    `Ruamjai API listening on ${url} (OpenAPI: ${url}/api/docs). ` +
      'Get a token: npm run cli -- token --sub somchai --agency PSDHS-SK --role coordinator',
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
