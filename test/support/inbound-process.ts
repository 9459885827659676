/**
 * An inbound consumer in a process of its own, for tests that kill it. Usage:
 *   inbound-process.ts <events.sqlite> <read-models.sqlite> <brokers> <topic> <group-id>
 * Its handler is not idempotent: every call appends a new event (a new id, any stream state) to
 * `handled-<message id>`, so only the consumer's dedupe keeps a message to one call. Prints
 * "started", then "handled <message id>" after each call.
 */
import { SqliteEventStore } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { InboundConsumer, InvalidMessage, type InboundHandler } from '@ruamjai/messaging';
import { openSqliteReadModels } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

async function main(): Promise<void> {
  const [eventsFile, readModelsFile, brokers, topic, groupId] = process.argv.slice(2);
  const store = SqliteEventStore.open({ file: eventsFile });
  const db = openSqliteReadModels(readModelsFile);
  const kafka = new Kafka({ clientId: 'inbound-process', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const handler: InboundHandler<{ id: string }> = {
    topic,
    parse(value) {
      const id = (value as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string') throw new InvalidMessage('TEST.NO_ID', 'id is required');
      return { id };
    },
    async handle(message, context) {
      await store.append(`handled-${context.messageId}`, [{ id: randomUUID(), type: 'Handled', data: message }], {
        expected: 'any',
      });
      process.stdout.write(`handled ${context.messageId}\n`);
    },
  };
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const consumer = new InboundConsumer(kafka, groupId, [handler], db, kafka.producer(), systemClock, silent);
  await consumer.start();
  process.stdout.write('started\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
