import { SqliteEventStore, type RecordedEvent } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import { migrateReadModels, openSqliteReadModels, readCheckpoint, type ReadModelDb } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../infra/servers';
import type { IntegrationMapper } from './integration-message';
import { KafkaRelay } from './kafka-relay';

const toTopic: IntegrationMapper = (event: RecordedEvent) =>
  event.type === 'Public'
    ? {
        topic: 'ruamjai.test-unreachable.v1',
        key: event.streamId,
        envelope: {
          specversion: '1.0',
          id: event.id,
          source: 'urn:test',
          type: 'th.test.public.v1',
          subject: event.streamId,
          time: event.created.toISOString(),
          datacontenttype: 'application/json',
          sequence: event.position.toString(),
          data: event.data,
        },
      }
    : undefined;

/**
 * The relay with no broker at all (a port nobody listens on): what it does while it cannot deliver.
 * Its delivery once the broker is back is the broker-outage, SIGKILL and restart specs' subject.
 */
describe('the integration-event relay while the broker cannot be reached', () => {
  jest.setTimeout(90_000);
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelDb;
  let relay: KafkaRelay;
  const warnings: Array<{ attempt: number; delayMs: number }> = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruamjai-relay-unreachable-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    warnings.length = 0;
    const kafka = new Kafka({
      clientId: 'relay',
      brokers: [`127.0.0.1:${await freePort()}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 20, maxRetryTime: 50 },
      connectionTimeout: 200,
    });
    relay = new KafkaRelay(
      store,
      db,
      kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
      [toTopic],
      new FixedClock(new Date('2019-03-01T00:00:00Z')),
      {
        info: () => undefined,
        error: () => undefined,
        warn: (o: object) => warnings.push(o as { attempt: number; delayMs: number }),
      },
    );
  });
  afterEach(async () => {
    await relay?.stop();
    await store.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('not in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('retries the same batch, waiting 0.2 s, then twice as long each time, never more than 5 s, and moves no checkpoint', async () => {
    await store.append('thing-1', [{ id: randomUUID(), type: 'Public', data: {} }], { expected: 'no_stream' });
    await relay.start();
    await until(() => warnings.length >= 6);
    expect(warnings.slice(0, 6).map((w) => [w.attempt, w.delayMs])).toEqual([
      [1, 200],
      [2, 400],
      [3, 800],
      [4, 1600],
      [5, 3200],
      [6, 5000],
    ]);
    expect(relay.progress).toEqual({ checkpoint: 0n, seen: 1n });
    expect(await readCheckpoint(db, relay.name)).toBe(0n);
  });

  it('moves its checkpoint past events with no public counterpart without the broker: there is nothing to send', async () => {
    const written = await store.append(
      'thing-1',
      [
        { id: randomUUID(), type: 'Private', data: {} },
        { id: randomUUID(), type: 'Private', data: {} },
      ],
      { expected: 'no_stream' },
    );
    await relay.start();
    await until(() => relay.progress.checkpoint === written.position);
    expect(await readCheckpoint(db, relay.name)).toBe(written.position);
    expect(warnings).toEqual([]);
  });

  it('stops promptly in the middle of its retries', async () => {
    await store.append('thing-1', [{ id: randomUUID(), type: 'Public', data: {} }], { expected: 'no_stream' });
    await relay.start();
    await until(() => warnings.length >= 3);
    const started = Date.now();
    await relay.stop();
    // The longest wait between two attempts so far (0.8 s), and the attempt under way.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await readCheckpoint(db, relay.name)).toBe(0n);
  });

  it('reads the log no further than four batches (2,000 events) beyond the batch it cannot deliver', async () => {
    for (let i = 0; i < 6; i++)
      await store.append(
        `thing-${i}`,
        Array.from({ length: 1000 }, () => ({ id: randomUUID(), type: 'Public', data: {} })),
        { expected: 'no_stream' },
      );
    await relay.start();
    await until(() => warnings.length >= 2);
    const seen = relay.progress.seen;
    // It stops reading once 2,000 events wait; the one batch taken out to be sent may come on top.
    expect(seen).toBeGreaterThanOrEqual(2000n);
    expect(seen).toBeLessThanOrEqual(2500n);
    await new Promise((r) => setTimeout(r, 500));
    expect(relay.progress.seen).toBe(seen);
    expect(relay.progress.checkpoint).toBe(0n);
  });
});
