import { loadConfigOrExit } from '@ruamjai/config';
import { createApiApp } from './api-app';
import pino from 'pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from './http/logger';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApiApp(config, { logger, benchRoutes: process.argv.includes('--bench-routes') });
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  logger.info(
    { url, dataDir: config.dataDir, eventStore: config.eventStore.kind },
    `Ruamjai API listening on ${url} (OpenAPI: ${url}/api/docs). ` +
      'Get a token: npm run cli -- token --sub somchai --agency PSDHS-SK --role coordinator',
  );
  // The banner comes last, after every log line of the start: it goes through the log's own stream
  // (pino writes asynchronously; a direct write to stdout would overtake the lines still buffered).
  const stream = (logger as unknown as Record<symbol, { write(text: string): void }>)[pino.symbols.streamSym];
  const consoleServed = existsSync(join(config.consoleDir, 'index.html'));
  stream.write(
    `\nRuamjai (ร่วมใจ) API: ${url}   OpenAPI: ${url}/api/docs   data: ${config.dataDir}\n` +
      (consoleServed
        ? `Console (คอนโซล): ${url}/   first user: npm run --silent cli -- users add --username somchai --role coordinator --agency PSDHS-SK\n`
        : `No console in ${config.consoleDir} (npm start builds it)\n`) +
      `Get a token:  npm run --silent cli -- token --sub somchai --agency PSDHS-SK --role coordinator\n\n`,
  );
  // Graceful: stop taking requests, finish those under way, drain projections, close the stores.
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Ruamjai API could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
