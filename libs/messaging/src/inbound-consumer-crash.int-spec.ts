import { collect, SqliteEventStore, StreamNotFound } from '@ruamjai/event-store';
import { migrateReadModels, openSqliteReadModels } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs, type TsChild } from '../../../test/support/child-process';
import { kafkaBrokers } from '../../../test/support/kafka';
import { DLQ_SUFFIX } from './inbound-consumer';

(kafkaBrokers() ? describe : describe.skip)('an inbound consumer killed mid-stream', () => {
  jest.setTimeout(360_000);

  it('handles every message after a SIGKILL and a restart, and a message sent again after that not a second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-inbound-crash-'));
    const eventsFile = join(dir, 'events.sqlite');
    const readModelsFile = join(dir, 'read-models.sqlite');
    const db = openSqliteReadModels(readModelsFile);
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    await db.destroy();
    const brokers = kafkaBrokers()!;
    const kafka = new Kafka({ clientId: 'inbound-crash-test', brokers, logLevel: logLevel.NOTHING });
    const topic = `ruamjai.inbound.crash-${randomUUID().slice(0, 8)}.v1`;
    const groupId = `ruamjai-inbound-crash-${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }, { topic: `${topic}${DLQ_SUFFIX}`, numPartitions: 1 }] });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const ids = Array.from({ length: 400 }, (_, i) => `m-${i}-${randomUUID().slice(0, 8)}`);
    const send = (list: string[]) => producer.send({ topic, acks: -1, messages: list.map((id) => ({ key: id, value: JSON.stringify({ id }), headers: { 'message-id': id } })) });
    const args = [eventsFile, readModelsFile, brokers.join(','), topic, groupId];
    let consumer: TsChild | undefined;
    try {
      await send(ids);
      consumer = spawnTs('test/support/inbound-process.ts', args);
      // Killed while it is working through the topic.
      await consumer.waitForLine((l) => l.startsWith('handled '), 180_000, 0);
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (consumer!.lines.filter((l) => l.startsWith('handled ')).length >= 150) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      });
      await consumer.kill();
      const beforeKill = consumer.lines.filter((l) => l.startsWith('handled ')).length;
      expect(beforeKill).toBeLessThan(ids.length);

      consumer = spawnTs('test/support/inbound-process.ts', args);
      await consumer.waitForLine((l) => l === 'started');
      // The sender sends some again (its own retry), after the restart.
      await send(ids.slice(0, 100));
      const marker = `marker-${randomUUID()}`;
      await send([marker]);
      await consumer.waitForLine((l) => l === `handled ${marker}`, 120_000);
      await consumer.kill();

      const store = SqliteEventStore.open({ file: eventsFile, readOnly: true });
      const counts = new Map<string, number>();
      for (const id of ids) {
        const handled = await collect(store.readStream(`handled-${id}`)).catch((e: unknown) => (e instanceof StreamNotFound ? [] : Promise.reject(e)));
        counts.set(id, handled.length);
      }
      await store.close();
      // At least once: nothing was lost to the kill.
      expect(ids.filter((id) => counts.get(id)! < 1)).toEqual([]);
      // At most the message being handled when the kill landed (one per partition) ran twice: the
      // redelivery of everything after the last committed offset, and the sender's repeats, were
      // recognised by the consumer's dedupe alone.
      const twice = ids.filter((id) => counts.get(id)! > 1);
      expect(twice.length).toBeLessThanOrEqual(3);
      expect(twice.every((id) => counts.get(id) === 2)).toBe(true);
    } finally {
      await consumer?.kill();
      await producer.disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
