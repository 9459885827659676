import { SqliteEventStore, type NewEvent } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { planIntegrationEvents, PLANS_TOPIC } from '@ruamjai/planning';
import { migrateReadModels, openSqliteReadModels, readCheckpoint } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startKafkaAt, type RunningServer } from '../../../infra/servers';
import { kafkaBrokers, receiveEvents, sequencesByKey } from '../../../test/support/kafka';
import { KafkaRelay } from './kafka-relay';

const root = join(__dirname, '../../..');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const meta = {
  actorId: 'somchai',
  agency: 'PSDHS-SK',
  role: 'coordinator',
  correlationId: 'c',
  causationId: 'c',
  commandType: 'Test',
  schemaVersion: 1,
  occurredAt: '2019-02-14T03:00:00.000Z',
};

function planEvents(planId: string, revision: number, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) =>
    revision + i === 0
      ? {
          id: randomUUID(),
          type: 'PlanDrafted',
          data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผน', titleEn: null },
          metadata: meta,
        }
      : {
          id: randomUUID(),
          type: 'ProjectAdded',
          data: {
            planId,
            projectId: randomUUID(),
            titleTh: 'โครงการ',
            titleEn: null,
            strategy: 'prevention',
            participatingAgencyCodes: [],
            targetGroups: [],
            objectives: [],
            leadAgencyCode: 'PSDHS-SK',
            districtCodes: ['2706'],
            requestedBudgetSatang: 100,
            fundingSource: 'provincial_budget',
          },
          metadata: meta,
        },
  );
}

// The suite runs where the test run has Kafka (Java 17 and Maven); under REQUIRE_INFRA=1 the run
// fails before it gets here if the broker could not start.
(kafkaBrokers() ? describe : describe.skip)('the integration-event relay', () => {
  jest.setTimeout(300_000);

  it('delivers every event through a broker outage under load: at least once, once after dedupe, in order per key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-relay-'));
    const port = await freePort();
    const controllerPort = await freePort();
    let broker: RunningServer = await startKafkaAt(root, join(dir, 'kafka'), port, controllerPort);
    const brokers = [`127.0.0.1:${port}`];
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    const kafka = new Kafka({
      clientId: 'relay-test',
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    const relay = new KafkaRelay(
      store,
      db,
      kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true }),
      [planIntegrationEvents],
      systemClock,
      silent,
    );
    try {
      await relay.start();
      const plans = Array.from({ length: 20 }, () => ({ id: randomUUID(), revision: -1 }));
      const written: string[] = [];
      let appending = true;
      const appender = (async () => {
        // About 200 events a second, across 20 plans, until told to stop.
        for (let i = 0; appending; i++) {
          const plan = plans[i % plans.length];
          const events = planEvents(plan.id, plan.revision + 1, 2);
          await store.append(`plan-${plan.id}`, events, {
            expected: plan.revision < 0 ? 'no_stream' : BigInt(plan.revision),
          });
          plan.revision += 2;
          written.push(...events.map((e) => e.id));
          await new Promise((r) => setTimeout(r, 10));
        }
      })();

      await new Promise((r) => setTimeout(r, 2000));
      await broker.stop();
      const checkpointDuringOutage = relay.progress.checkpoint;
      await new Promise((r) => setTimeout(r, 4000));
      // Nothing was acknowledged while the broker was away, so the checkpoint did not move.
      expect(relay.progress.checkpoint).toBe(checkpointDuringOutage);
      expect(relay.progress.seen > relay.progress.checkpoint).toBe(true);
      broker = await startKafkaAt(root, join(dir, 'kafka'), port, controllerPort);
      await new Promise((r) => setTimeout(r, 3000));
      appending = false;
      await appender;

      const head = (await store.headPosition())!;
      const deadline = Date.now() + 60_000;
      while (relay.progress.checkpoint < head && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(relay.progress.checkpoint).toBe(head);
      expect(await readCheckpoint(db, relay.name)).toBe(head);

      const received = await receiveEvents(kafka, [PLANS_TOPIC], new Set(written));
      const unique = new Set(received.map((r) => r.id));

      expect(written.length).toBeGreaterThan(500);
      expect(new Set(written).size).toBe(written.length);
      expect(written.every((id) => unique.has(id))).toBe(true);
      // Deduplicated by event id, each key's events arrive in log order.
      for (const sequences of sequencesByKey(received).values()) {
        for (let i = 1; i < sequences.length; i++) expect(sequences[i] > sequences[i - 1]).toBe(true);
      }
    } finally {
      await relay.stop().catch(() => undefined);
      await broker.stop();
      await store.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
