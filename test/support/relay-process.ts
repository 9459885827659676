/**
 * A Kafka relay in a process of its own, for tests that kill it. Usage:
 *   relay-process.ts <events.sqlite> <read-models.sqlite> <brokers>
 * Prints "started <checkpoint>" once running (the checkpoint it read from the read-model store), then
 * "state <checkpoint> <seen>" every 100 ms, until it is killed.
 */
import { SqliteEventStore } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { KafkaRelay } from '@ruamjai/messaging';
import { planIntegrationEvents } from '@ruamjai/planning';
import { openSqliteReadModels } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';

async function main(): Promise<void> {
  const [eventsFile, readModelsFile, brokers] = process.argv.slice(2);
  const store = SqliteEventStore.open({ file: eventsFile, readOnly: true, pollIntervalMs: 50 });
  const db = openSqliteReadModels(readModelsFile);
  const kafka = new Kafka({
    clientId: 'relay-process',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const relay = new KafkaRelay(
    store,
    db,
    kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true }),
    [planIntegrationEvents],
    systemClock,
    silent,
  );
  await relay.start();
  process.stdout.write(`started ${relay.progress.checkpoint}\n`);
  setInterval(() => process.stdout.write(`state ${relay.progress.checkpoint} ${relay.progress.seen}\n`), 100);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
