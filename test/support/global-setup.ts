import { join } from 'node:path';
import { startEmbeddedPostgres, startKafka, type RunningServer } from '../../infra/servers';

declare global {
  var __RUAMJAI_INFRA__: RunningServer[] | undefined;
}

/**
 * Starts the servers the integration suites need, once per test run, and hands their addresses to
 * the test workers through the environment. A server given from outside (DATABASE_URL,
 * KAFKA_BROKERS) is used as it is. With REQUIRE_INFRA=1 a server that cannot start fails the run.
 * Only the integration and e2e projects run it: a run of unit specs alone starts nothing.
 */
export default async function globalSetup(): Promise<void> {
  // Jest runs this once for each selected project that needs servers: start them only once.
  if (globalThis.__RUAMJAI_INFRA__) return;
  const root = join(__dirname, '../..');
  const required = process.env.REQUIRE_INFRA === '1';
  const started: RunningServer[] = [];
  // Both servers start at once; each takes seconds.
  const [pgResult, kafkaResult] = await Promise.allSettled([
    process.env.DATABASE_URL ? Promise.resolve(undefined) : startEmbeddedPostgres(root),
    process.env.KAFKA_BROKERS ? Promise.resolve(undefined) : startKafka(root),
  ]);
  if (required && (pgResult.status === 'rejected' || kafkaResult.status === 'rejected')) {
    // Leave nothing running behind a failed start.
    for (const result of [pgResult, kafkaResult])
      if (result.status === 'fulfilled' && result.value) await result.value.stop();
  }
  if (process.env.DATABASE_URL) {
    process.env.RUAMJAI_TEST_POSTGRES_URL = process.env.DATABASE_URL;
  } else {
    if (pgResult.status === 'fulfilled' && pgResult.value) {
      started.push(pgResult.value);
      process.env.RUAMJAI_TEST_POSTGRES_URL = pgResult.value.url;
    } else if (pgResult.status === 'rejected') {
      if (required) throw pgResult.reason;
      process.stderr.write(
        `\n!! PostgreSQL could not start; its suites will report themselves skipped:\n${String(pgResult.reason)}\n`,
      );
    }
  }
  if (process.env.KAFKA_BROKERS) {
    process.env.RUAMJAI_TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS;
  } else {
    if (kafkaResult.status === 'fulfilled' && kafkaResult.value) {
      started.push(kafkaResult.value);
      process.env.RUAMJAI_TEST_KAFKA_BROKERS = kafkaResult.value.url;
    } else if (kafkaResult.status === 'rejected') {
      if (required) throw kafkaResult.reason;
      process.stderr.write(
        `\n!! Kafka could not start (it needs Java 17 and Maven); its suites will report themselves skipped:\n${String(kafkaResult.reason)}\n`,
      );
    }
  }
  globalThis.__RUAMJAI_INFRA__ = started;
}
