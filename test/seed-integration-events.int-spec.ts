import { collect, SqliteEventStore } from '@ruamjai/event-store';
import { loadConfig } from '@ruamjai/config';
import { systemClock } from '@ruamjai/kernel';
import { HEADER_EVENT_ID, KafkaRelay } from '@ruamjai/messaging';
import { isPlanEvent, planIntegrationEvents, PLANS_TOPIC } from '@ruamjai/planning';
import { migrateReadModels, openSqliteReadModels } from '@ruamjai/read-models';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { kafkaBrokers } from './support/kafka';

/** Field names that would carry a person's data; none may appear in what leaves the system. */
const PERSONAL = /"(name|firstName|lastName|fullName|dateOfBirth|birthDate|age|nationality|idNumber|identityNumber|passport|phone|email|address|actorId|actor|userId|sub|notes)"\s*:/i;

(kafkaBrokers() ? describe : describe.skip)('integration events from the Sa Kaeo seed', () => {
  jest.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-seed-kafka-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('carry no personal field, name no official, and match their published schemas, as consumers receive them', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    await seedSakaeo2562(config);
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const db = openSqliteReadModels(join(dir, 'relay.sqlite'));
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    const kafka = new Kafka({ clientId: 'seed-scan', brokers: kafkaBrokers()!, logLevel: logLevel.NOTHING });
    const topic = PLANS_TOPIC;
    const relay = new KafkaRelay(store, db, kafka.producer({ idempotent: true, maxInFlightRequests: 1 }), [planIntegrationEvents], systemClock, {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    });
    const planEvents = (await collect(store.readAll())).filter((e) => isPlanEvent(e) && e.streamId.startsWith('plan-'));
    const ids = new Set(planEvents.map((e) => e.id));
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] }).catch(() => undefined);
    await admin.disconnect();
    await relay.start();
    const received: Array<{ id: string; value: string }> = [];
    const consumer = kafka.consumer({ groupId: `seed-scan-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${ids.size}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const id = message.headers?.[HEADER_EVENT_ID]?.toString() ?? '';
          if (!ids.has(id)) return;
          received.push({ id, value: message.value!.toString() });
          if (new Set(received.map((r) => r.id)).size === ids.size) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    await relay.stop();
    await store.close();
    await db.destroy();

    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    const schemaDir = join(__dirname, '../docs/integration-events');
    const schemas = new Map(readdirSync(schemaDir).map((f) => { const s = JSON.parse(readFileSync(join(schemaDir, f), 'utf8')); return [s.title as string, ajv.compile(s)]; }));

    expect(ids.size).toBeGreaterThan(10);
    for (const { value } of received) {
      expect(value).not.toMatch(PERSONAL);
      expect(value).not.toContain('somchai');
      expect(value).not.toContain('governor');
      const envelope = JSON.parse(value);
      expect(schemas.get(envelope.type)?.(envelope)).toBe(true);
    }
  });
});
