import { collect, SqliteEventStore, type NewEvent } from '@ruamjai/event-store';
import { PLANS_TOPIC } from '@ruamjai/planning';
import { migrateReadModels, openSqliteReadModels, readCheckpoint } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startKafkaAt, type RunningServer } from '../../../infra/servers';
import { spawnTs, type TsChild } from '../../../test/support/child-process';
import { kafkaBrokers, receiveEvents, sequencesByKey } from '../../../test/support/kafka';

const root = join(__dirname, '../../..');
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

const state = (line: string) => {
  const [word, checkpoint, seen] = line.split(' ');
  return word === 'state' ? { checkpoint: BigInt(checkpoint), seen: BigInt(seen) } : undefined;
};

// Needs the run's Kafka only to know that a broker can start here (Java 17 and Maven); the test
// starts its own broker, on a folder and ports it can stop and start again.
(kafkaBrokers() ? describe : describe.skip)('the integration-event relay killed during a broker outage', () => {
  jest.setTimeout(240_000);

  it('resumes from its stored checkpoint after a SIGKILL with batches unacknowledged: every event arrives, in order per key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-relay-crash-'));
    const port = await freePort();
    const controllerPort = await freePort();
    let broker: RunningServer | undefined = await startKafkaAt(root, join(dir, 'kafka'), port, controllerPort);
    const brokers = `127.0.0.1:${port}`;
    const eventsFile = join(dir, 'events.sqlite');
    const readModelsFile = join(dir, 'read-models.sqlite');
    const store = SqliteEventStore.open({ file: eventsFile });
    const db = openSqliteReadModels(readModelsFile);
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    let relay: TsChild | undefined;
    const plans = Array.from({ length: 20 }, () => ({ id: randomUUID(), revision: -1 }));
    const written: string[] = [];
    const appendSome = async (rounds: number) => {
      for (let i = 0; i < rounds; i++) {
        const plan = plans[written.length % plans.length];
        const events = planEvents(plan.id, plan.revision + 1, 3);
        await store.append(`plan-${plan.id}`, events, {
          expected: plan.revision < 0 ? 'no_stream' : BigInt(plan.revision),
        });
        plan.revision += 3;
        written.push(...events.map((e) => e.id));
      }
    };
    try {
      relay = spawnTs('test/support/relay-process.ts', [eventsFile, readModelsFile, brokers]);
      await relay.waitForLine((l) => l === 'started 0');
      await appendSome(100);
      // The broker acknowledged part of the log.
      const firstHead = (await store.headPosition())!;
      await relay.waitForLine((l) => state(l)?.checkpoint === firstHead);

      // The broker goes away while the log keeps growing: the relay reads on, and cannot deliver.
      await broker.stop();
      broker = undefined;
      await appendSome(200);
      const head = (await store.headPosition())!;
      const mark = relay.lines.length;
      await relay.waitForLine((l) => state(l)?.seen === head, 60_000, mark);
      const stuck = state(relay.lines[relay.lines.length - 1])!;
      expect(stuck.checkpoint).toBeLessThan(head);
      await relay.kill();
      const stored = await readCheckpoint(db, 'kafka-relay');
      // Nothing past what the broker acknowledged is marked as sent.
      expect(stored).toBe(firstHead);

      // Restarted while the broker is still away, it begins at the stored checkpoint...
      relay = spawnTs('test/support/relay-process.ts', [eventsFile, readModelsFile, brokers]);
      await relay.waitForLine((l) => l === `started ${stored}`);
      await appendSome(50);
      const finalHead = (await store.headPosition())!;
      // ...and once the broker is back, delivers everything after it.
      broker = await startKafkaAt(root, join(dir, 'kafka'), port, controllerPort);
      await relay.waitForLine((l) => state(l)?.checkpoint === finalHead, 120_000);
      expect(await readCheckpoint(db, 'kafka-relay')).toBe(finalHead);
      await relay.kill();

      const kafka = new Kafka({ clientId: 'relay-crash-check', brokers: [brokers], logLevel: logLevel.NOTHING });
      const received = await receiveEvents(kafka, [PLANS_TOPIC], new Set(written));
      const unique = new Set(received.map((r) => r.id));

      // At least once: every event of the log, the unacknowledged batch included.
      expect(written).toHaveLength(350 * 3);
      expect((await collect(store.readAll())).length).toBe(written.length);
      expect(written.filter((id) => !unique.has(id))).toEqual([]);
      // Per key, in log order once repeats are dropped.
      const byKey = sequencesByKey(received);
      expect(byKey.size).toBe(plans.length);
      for (const sequences of byKey.values())
        expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    } finally {
      await relay?.kill();
      await broker?.stop();
      await store.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
