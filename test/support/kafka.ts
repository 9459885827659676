import { HEADER_EVENT_ID } from '@ruamjai/messaging';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The test run's Kafka brokers (started by the global setup, or KAFKA_BROKERS), if it has them. */
export function kafkaBrokers(): string[] | undefined {
  const brokers = process.env.RUAMJAI_TEST_KAFKA_BROKERS;
  return brokers ? brokers.split(',') : undefined;
}

/**
 * Reads the topics from the beginning with a fresh consumer group until every event id asked for
 * has arrived (by the event-id header), then returns what arrived with those ids, redeliveries too.
 */
export async function receiveEvents(
  kafka: Kafka,
  topics: string[],
  ids: ReadonlySet<string>,
  timeoutMs = 120_000,
): Promise<Array<{ id: string; key: string; value: string }>> {
  const received: Array<{ id: string; key: string; value: string }> = [];
  const seen = new Set<string>();
  const consumer = kafka.consumer({ groupId: `scan-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`received ${seen.size} of ${ids.size}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const id = message.headers?.[HEADER_EVENT_ID]?.toString() ?? '';
          if (!ids.has(id)) return;
          received.push({ id, key: message.key?.toString() ?? '', value: message.value!.toString() });
          seen.add(id);
          if (seen.size === ids.size) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}

/**
 * Plan messages as a consumer sees them, repeats dropped (first arrival by event id), grouped by
 * key: each key's sequence numbers in arrival order, for checking per-key log order.
 */
export function sequencesByKey(
  received: ReadonlyArray<{ id: string; key: string; value: string }>,
): Map<string, bigint[]> {
  const byKey = new Map<string, bigint[]>();
  const seen = new Set<string>();
  for (const r of received) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    byKey.set(r.key, [
      ...(byKey.get(r.key) ?? []),
      BigInt((JSON.parse(r.value) as { sequence: string | number }).sequence),
    ]);
  }
  return byKey;
}

/** Every documented integration event's JSON Schema, by its CloudEvents type. */
export function integrationEventSchemas(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: true });
  addFormats(ajv);
  const dir = join(__dirname, '../../docs/integration-events');
  return new Map(
    readdirSync(dir).map((file) => {
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { title: string };
      return [schema.title, ajv.compile(schema)];
    }),
  );
}
