import { caseIntegrationEvents, CASES_TOPIC, referralIntegrationEvents, REFERRALS_TOPIC } from '@ruamjai/cases';
import { collect, SqliteEventStore } from '@ruamjai/event-store';
import { loadConfig } from '@ruamjai/config';
import { systemClock } from '@ruamjai/kernel';
import { KafkaRelay } from '@ruamjai/messaging';
import { migrateReadModels, openSqliteReadModels } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { SEED_PEOPLE } from '../apps/cli/src/seed/sakaeo-2562-cases';
import { integrationEventSchemas, kafkaBrokers, receiveEvents } from './support/kafka';

/** Field names that would carry a person's data (or an official's); none may appear in what leaves the system. */
const PERSONAL =
  /"(name|givenName|familyName|otherNames|firstName|lastName|fullName|dateOfBirth|birthDate|age|sex|nationality|languages|idNumber|identityNumber|identityDocuments|number|passport|phone|email|address|contact|person|personId|personalData|notes|note|reason|explanation|actorId|actor|userId|sub|caseManagerId)"\s*:/i;

(kafkaBrokers() ? describe : describe.skip)('case and referral integration events from the Sa Kaeo seed', () => {
  jest.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-seed-cases-kafka-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

  it("carry no personal field, no ciphertext, no fictional person's detail, and match their published schemas, as consumers receive them", async () => {
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
    await admin
      .createTopics({
        topics: [
          { topic: CASES_TOPIC, numPartitions: 3 },
          { topic: REFERRALS_TOPIC, numPartitions: 3 },
        ],
      })
      .catch(() => undefined);
    await admin.disconnect();
    const relay = new KafkaRelay(
      store,
      db,
      kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
      mappers,
      systemClock,
      { info: () => undefined, warn: () => undefined, error: () => undefined },
    );
    await relay.start();
    const received = await receiveEvents(kafka, [CASES_TOPIC, REFERRALS_TOPIC], ids);
    await relay.stop();
    await store.close();
    await db.destroy();

    const schemas = integrationEventSchemas();
    const details = Object.values(SEED_PEOPLE).flatMap((p) => [
      p.givenName,
      p.familyName!,
      p.notes!,
      ...p.identityDocuments!.map((d) => d.number),
    ]);

    expect(ids.size).toBeGreaterThan(20);
    const types = new Set<string>();
    for (const { value } of received) {
      expect(value).not.toMatch(PERSONAL);
      expect(value).not.toContain('rj1.');
      expect(value).not.toContain('FICT-');
      for (const detail of details) expect(value).not.toContain(detail);
      for (const official of [
        'imm.officer',
        'labour.officer',
        'somchai',
        'shelter.officer',
        'health.officer',
        'police.officer',
        'system:referral-scheduler',
      ])
        expect(value).not.toContain(official);
      const envelope = JSON.parse(value);
      types.add(envelope.type);
      const validate = schemas.get(envelope.type);
      expect(validate?.(envelope) ? 'valid' : `${envelope.type}: ${JSON.stringify(validate?.errors)}`).toBe('valid');
    }
    expect(types).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    for (const t of [
      'th.ruamjai.cases.case-opened.v1',
      'th.ruamjai.referrals.referral-sent.v1',
      'th.ruamjai.referrals.referral-overdue.v1',
      'th.ruamjai.referrals.referral-escalated.v1',
      'th.ruamjai.referrals.referral-declined.v1',
    ])
      expect(types.has(t)).toBe(true);
  });
});
