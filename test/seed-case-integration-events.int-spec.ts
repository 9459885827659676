import { caseIntegrationEvents, CASES_TOPIC, referralIntegrationEvents, REFERRALS_TOPIC } from '@ruamjai/cases';
import { collect, SqliteEventStore } from '@ruamjai/event-store';
import { loadConfig } from '@ruamjai/config';
import { systemClock } from '@ruamjai/kernel';
import { HEADER_EVENT_ID, KafkaRelay } from '@ruamjai/messaging';
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
import { SEED_PEOPLE } from '../apps/cli/src/seed/sakaeo-2562-cases';
import { kafkaBrokers } from './support/kafka';

/** Field names that would carry a person's data (or an official's); none may appear in what leaves the system. */
const PERSONAL = /"(name|givenName|familyName|otherNames|firstName|lastName|fullName|dateOfBirth|birthDate|age|sex|nationality|languages|idNumber|identityNumber|identityDocuments|number|passport|phone|email|address|contact|person|personId|personalData|notes|note|reason|explanation|actorId|actor|userId|sub|caseManagerId)"\s*:/i;

(kafkaBrokers() ? describe : describe.skip)('case and referral integration events from the Sa Kaeo seed', () => {
  jest.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-seed-cases-kafka-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('carry no personal field, no ciphertext, no fictional person\'s detail, and match their published schemas, as consumers receive them', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    await seedSakaeo2562(config);
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const db = openSqliteReadModels(join(dir, 'relay.sqlite'));
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    const kafka = new Kafka({ clientId: 'seed-cases-scan', brokers: kafkaBrokers()!, logLevel: logLevel.NOTHING });
    const mappers = [caseIntegrationEvents, referralIntegrationEvents];
    const events = (await collect(store.readAll())).filter((e) => mappers.some((m) => m(e)));
    const ids = new Set(events.map((e) => e.id));
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: CASES_TOPIC, numPartitions: 3 }, { topic: REFERRALS_TOPIC, numPartitions: 3 }] }).catch(() => undefined);
    await admin.disconnect();
    const relay = new KafkaRelay(store, db, kafka.producer({ idempotent: true, maxInFlightRequests: 1 }), mappers, systemClock, { info: () => undefined, warn: () => undefined, error: () => undefined });
    await relay.start();
    const received: Array<{ id: string; value: string }> = [];
    const consumer = kafka.consumer({ groupId: `seed-cases-scan-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [CASES_TOPIC, REFERRALS_TOPIC], fromBeginning: true });
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
    const details = Object.values(SEED_PEOPLE).flatMap((p) => [p.givenName, p.familyName!, p.notes!, ...p.identityDocuments!.map((d) => d.number)]);

    expect(ids.size).toBeGreaterThan(20);
    const types = new Set<string>();
    for (const { value } of received) {
      expect(value).not.toMatch(PERSONAL);
      expect(value).not.toContain('rj1.');
      expect(value).not.toContain('FICT-');
      for (const detail of details) expect(value).not.toContain(detail);
      for (const official of ['imm.officer', 'labour.officer', 'somchai', 'shelter.officer', 'health.officer', 'police.officer', 'system:referral-scheduler']) expect(value).not.toContain(official);
      const envelope = JSON.parse(value);
      types.add(envelope.type);
      const validate = schemas.get(envelope.type);
      expect(validate?.(envelope) ? 'valid' : `${envelope.type}: ${JSON.stringify(validate?.errors)}`).toBe('valid');
    }
    expect(types).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    for (const t of ['th.ruamjai.cases.case-opened.v1', 'th.ruamjai.referrals.referral-sent.v1', 'th.ruamjai.referrals.referral-overdue.v1', 'th.ruamjai.referrals.referral-escalated.v1', 'th.ruamjai.referrals.referral-declined.v1']) expect(types.has(t)).toBe(true);
  });
});
