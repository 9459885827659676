import { collect, SqliteEventStore } from '@ruamjai/event-store';
import { loadConfig } from '@ruamjai/config';
import { systemClock } from '@ruamjai/kernel';
import { KafkaRelay } from '@ruamjai/messaging';
import { isPlanEvent, planIntegrationEvents, PLANS_TOPIC } from '@ruamjai/planning';
import { migrateReadModels, openSqliteReadModels } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { integrationEventSchemas, kafkaBrokers, receiveEvents } from './support/kafka';

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
    const received = await receiveEvents(kafka, [topic], ids);
    await relay.stop();
    await store.close();
    await db.destroy();

    const schemas = integrationEventSchemas();

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
