import { SqliteEventStore, type NewEvent } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { HEADER_EVENT_ID, KafkaRelay } from '@ruamjai/messaging';
import { planIntegrationEvents, PLANS_TOPIC } from '@ruamjai/planning';
import { migrateReadModels, openSqliteReadModels } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const meta = {
  actorId: 'bench',
  agency: 'PSDHS-SK',
  role: 'coordinator',
  correlationId: 'b',
  causationId: 'b',
  commandType: 'AddProject',
  schemaVersion: 1,
  occurredAt: '2019-02-14T03:00:00.000Z',
};
const projectAdded = (planId: string): NewEvent => ({
  id: randomUUID(),
  type: 'ProjectAdded',
  data: {
    planId,
    projectId: randomUUID(),
    titleTh: 'โครงการป้องกันการค้ามนุษย์',
    titleEn: null,
    strategy: 'prevention',
    participatingAgencyCodes: [],
    targetGroups: [],
    objectives: [],
    leadAgencyCode: 'PSDHS-SK',
    districtCodes: ['2706'],
    requestedBudgetSatang: 100_000,
    fundingSource: 'provincial_budget',
  },
  metadata: meta,
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface KafkaFigures {
  latency: { rate: number; count: number; p50: number; p99: number };
  relay: { events: number; relayPerSecond: number; bareProducerPerSecond: number };
}

/**
 * Append → consumer latency at a steady 1,000 events/s through the relay, and relay throughput over
 * a backlog beside a bare kafkajs producer sending the same messages with the same settings.
 */
export async function kafkaFigures(
  dir: string,
  brokers: string[],
  seconds: number,
  backlog: number,
): Promise<KafkaFigures> {
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const producerSettings = { idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true };

  // Latency: the relay runs live; a consumer notes when each event arrives.
  const store = SqliteEventStore.open({ file: join(dir, 'kafka-bench.sqlite') });
  const db = openSqliteReadModels(join(dir, 'kafka-bench-rm.sqlite'));
  await migrateReadModels(db as unknown as Kysely<unknown>, []);
  const admin = kafka.admin();
  await admin.connect();
  await admin
    .createTopics({
      topics: [
        { topic: PLANS_TOPIC, numPartitions: 6 },
        { topic: 'bench.bare', numPartitions: 6 },
      ],
    })
    .catch(() => undefined);
  await admin.disconnect();
  const relay = new KafkaRelay(
    store,
    db,
    kafka.producer(producerSettings),
    [planIntegrationEvents],
    systemClock,
    quiet,
  );
  const appendedAt = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 10 });
  await consumer.connect();
  await consumer.subscribe({ topic: PLANS_TOPIC, fromBeginning: false });
  let assigned!: () => void;
  const ready = new Promise<void>((r) => (assigned = r));
  consumer.on(consumer.events.GROUP_JOIN, () => assigned());
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.[HEADER_EVENT_ID]?.toString();
      const started = id ? appendedAt.get(id) : undefined;
      if (started !== undefined) latencies.push(performance.now() - started);
    },
  });
  await ready;
  await relay.start();
  const plans = Array.from({ length: 50 }, () => ({ id: randomUUID(), revision: -1n }));
  const rate = 1000;
  const total = rate * seconds;
  // The first three seconds warm the freshly started broker, the JIT and the consumer's fetches;
  // they are sent at the same pace but not measured: the figure is the steady state.
  const warmup = rate * 3;
  const t0 = performance.now();
  for (let i = 0; i < warmup + total; i++) {
    // Paced: event i goes out at t0 + i ms.
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const plan = plans[i % plans.length];
    const event = projectAdded(plan.id);
    if (i >= warmup) appendedAt.set(event.id, performance.now());
    const result = await store.append(`plan-${plan.id}`, [event], {
      expected: plan.revision < 0n ? 'no_stream' : plan.revision,
    });
    plan.revision = result.nextExpectedRevision;
  }
  const deadline = Date.now() + 30_000;
  while (latencies.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await consumer.disconnect();
  await relay.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  const latency = { rate, count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };

  // Throughput over a backlog: the relay catches up from its checkpoint...
  for (let i = 0; i < backlog; i += 100) {
    const plan = plans[(i / 100) % plans.length];
    const events = Array.from({ length: 100 }, () => projectAdded(plan.id));
    const result = await store.append(`plan-${plan.id}`, events, { expected: plan.revision });
    plan.revision = result.nextExpectedRevision;
  }
  const head = (await store.headPosition())!;
  const catchUp = new KafkaRelay(
    store,
    db,
    kafka.producer(producerSettings),
    [planIntegrationEvents],
    systemClock,
    quiet,
  );
  const r0 = performance.now();
  await catchUp.start();
  while (catchUp.progress.checkpoint < head) await new Promise((r) => setTimeout(r, 20));
  const relaySeconds = (performance.now() - r0) / 1000;
  await catchUp.stop();

  // ...beside a bare producer sending the same number of messages of the same size, 500 a batch.
  const sample = JSON.stringify(
    planIntegrationEvents({
      streamId: 'plan-x',
      id: randomUUID(),
      revision: 1n,
      type: 'ProjectAdded',
      data: projectAdded('x').data,
      metadata: meta,
      created: new Date(),
      position: 1n,
    })!.envelope,
  );
  const bare = kafka.producer(producerSettings);
  await bare.connect();
  const b0 = performance.now();
  for (let i = 0; i < backlog; i += 500) {
    await bare.sendBatch({
      acks: -1,
      topicMessages: [
        {
          topic: 'bench.bare',
          messages: Array.from({ length: 500 }, (_, k) => ({
            key: `plan-${(i + k) % 50}`,
            value: sample,
            headers: { [HEADER_EVENT_ID]: randomUUID() },
          })),
        },
      ],
    });
  }
  const bareSeconds = (performance.now() - b0) / 1000;
  await bare.disconnect();
  await store.close();
  await db.destroy();
  return {
    latency,
    relay: { events: backlog, relayPerSecond: backlog / relaySeconds, bareProducerPerSecond: backlog / bareSeconds },
  };
}
