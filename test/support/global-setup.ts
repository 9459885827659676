import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningServer } from '../../infra/servers';

declare global {
  // eslint-disable-next-line no-var
  var __RUAMJAI_INFRA__: RunningServer[] | undefined;
}

/**
 * Starts the servers the integration suites need, once per test run, and hands their addresses to
 * the test workers through the environment. A server given from outside (DATABASE_URL) is used as
 * it is. With REQUIRE_INFRA=1 a server that cannot start fails the run.
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '../..');
  const required = process.env.REQUIRE_INFRA === '1';
  const started: RunningServer[] = [];
  if (process.env.DATABASE_URL) {
    process.env.RUAMJAI_TEST_POSTGRES_URL = process.env.DATABASE_URL;
  } else {
    try {
      const pg = await startEmbeddedPostgres(root);
      started.push(pg);
      process.env.RUAMJAI_TEST_POSTGRES_URL = pg.url;
    } catch (error) {
      if (required) throw error;
      process.stderr.write(`\n!! PostgreSQL could not start; its suites will report themselves skipped:\n${String(error)}\n`);
    }
  }
  globalThis.__RUAMJAI_INFRA__ = started;
}
