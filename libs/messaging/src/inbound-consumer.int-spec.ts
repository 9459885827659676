import { CommandRunner, collect, SqliteEventStore, StreamNotFound } from '@ruamjai/event-store';
import { DomainError, systemClock, type Decider } from '@ruamjai/kernel';
import { migrateReadModels, openSqliteReadModels } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaBrokers } from '../../../test/support/kafka';
import { DLQ_SUFFIX, InboundConsumer, InvalidMessage, type InboundHandler } from './inbound-consumer';

type Register = { type: 'Register'; data: { id: string; name: string }; at: Date };
type Registered = { type: 'Registered'; data: { id: string; name: string } };
class AlreadyRegistered extends DomainError {
  readonly code = 'TEST.ALREADY_REGISTERED';
  readonly kind = 'conflict';
  constructor() {
    super({ th: 'ลงทะเบียนแล้ว', en: 'already registered' });
  }
}
const registration: Decider<Register, boolean, Registered> = {
  initialState: false,
  decide: (c, exists) => {
    if (exists) throw new AlreadyRegistered();
    return [{ type: 'Registered', data: c.data }];
  },
  evolve: () => true,
};
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

(kafkaBrokers() ? describe : describe.skip)('an inbound consumer', () => {
  jest.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-inbound-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const kafka = new Kafka({ clientId: 'inbound-test', brokers: kafkaBrokers() ?? [], logLevel: logLevel.NOTHING });
  const topic = `ruamjai.inbound.test-${randomUUID().slice(0, 8)}.v1`;
  const runner = new CommandRunner(store);
  /** How often the handler ran for each message: the consumer's dedupe alone must keep it at one. */
  const calls = new Map<string, number>();
  const handler: InboundHandler<{ id: string; name: string }> = {
    topic,
    parse(value) {
      const v = value as { id?: unknown; data?: { name?: unknown } };
      if (typeof v?.data?.name !== 'string' || v.data.name.trim() === '')
        throw new InvalidMessage('TEST.NAME_MISSING', 'data.name is required');
      return { id: String(v.id), name: v.data.name };
    },
    async handle(message, context) {
      calls.set(message.id, (calls.get(message.id) ?? 0) + 1);
      await runner.run(
        registration,
        `registration-${message.id}`,
        { type: 'Register', data: message, at: new Date() },
        {
          actor: { id: 'hotline-1300', agency: 'HOTLINE-1300', role: 'agency_officer', province: 'TH-27' },
          correlationId: context.correlationId,
          causationId: context.messageId,
          idempotencyKey: `inbound:${context.messageId}`,
          expectedRevision: -1n,
        },
      );
    },
  };
  let consumer: InboundConsumer;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const groupId = `ruamjai-inbound-${randomUUID()}`;
  let db = openSqliteReadModels(join(dir, 'read-models.sqlite'));

  beforeAll(async () => {
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic, numPartitions: 3 },
        { topic: `${topic}${DLQ_SUFFIX}`, numPartitions: 1 },
      ],
    });
    await admin.disconnect();
    await producer.connect();
    consumer = new InboundConsumer(kafka, groupId, [handler], db, kafka.producer(), systemClock, silent);
    await consumer.start();
  });
  afterAll(async () => {
    await consumer.stop();
    await producer.disconnect();
    await store.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('not in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('runs the handler once for a message delivered three times, though the handler itself would run it again', async () => {
    const id = randomUUID();
    const message = {
      key: id,
      value: JSON.stringify({ id, data: { name: 'สมศักดิ์ (fictional)' } }),
      headers: { 'message-id': id },
    };
    // Not idempotent by itself: a new event id on every call, and the stream takes any state.
    const counted = `counted-${randomUUID().slice(0, 8)}`;
    const handleOnce = handler.handle.bind(handler);
    handler.handle = async (m, context) => {
      if (m.name !== counted) return handleOnce(m, context);
      calls.set(m.id, (calls.get(m.id) ?? 0) + 1);
      await store.append(
        `count-${m.id}`,
        [{ id: randomUUID(), type: 'Handled', data: { messageId: context.messageId } }],
        { expected: 'any' },
      );
    };
    try {
      const value = JSON.stringify({ id, data: { name: counted } });
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { ...message, value },
          { ...message, value },
          { ...message, value },
        ],
      });
      const marker = randomUUID();
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: id, value: JSON.stringify({ id: marker, data: { name: counted } }) }],
      });
      await eventually(async () => (calls.get(marker) === 1 ? true : undefined));
      expect(calls.get(id)).toBe(1);
      expect(await collect(store.readStream(`count-${id}`))).toHaveLength(1);

      // Restarted, with a new connection to its store: a redelivery is still recognised.
      await consumer.stop();
      await db.destroy();
      db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
      consumer = new InboundConsumer(kafka, groupId, [handler], db, kafka.producer(), systemClock, silent);
      await consumer.start();
      const marker2 = randomUUID();
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { ...message, value },
          { key: id, value: JSON.stringify({ id: marker2, data: { name: counted } }) },
        ],
      });
      await eventually(async () => (calls.get(marker2) === 1 ? true : undefined));
      expect(calls.get(id)).toBe(1);
      expect(await collect(store.readStream(`count-${id}`))).toHaveLength(1);
    } finally {
      handler.handle = handleOnce;
    }
  });

  it('turns a message delivered three times into exactly one command', async () => {
    const id = randomUUID();
    const message = { key: id, value: JSON.stringify({ id, data: { name: 'สมศรี (fictional)' } }) };
    await producer.send({ topic, acks: -1, messages: [message, message, message] });
    const events = await eventually(async () => {
      const list = await collect(store.readStream(`registration-${id}`));
      return list.length > 0 ? list : undefined;
    });
    // Give the two redeliveries time to be seen and skipped.
    const marker = randomUUID();
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: id, value: JSON.stringify({ id: marker, data: { name: 'marker' } }) }],
    });
    await eventually(async () =>
      (await collect(store.readStream(`registration-${marker}`))).length > 0 ? true : undefined,
    );
    expect(events).toHaveLength(1);
    expect(await collect(store.readStream(`registration-${id}`))).toHaveLength(1);
    expect(calls.get(id)).toBe(1);
  });

  it('sends twelve malformed messages to the dead-letter topic with their reasons, and keeps consuming', async () => {
    const poison = [
      ...Array.from({ length: 4 }, () => ({ value: '{not json' })),
      ...Array.from({ length: 3 }, () => ({ value: JSON.stringify({ data: { name: 'no id' } }) })),
      // JSON that is not an object has no id field to fall back on.
      { value: 'null' },
      { value: '7' },
      ...Array.from({ length: 3 }, () => ({ value: JSON.stringify({ id: randomUUID(), data: {} }) })),
    ];
    await producer.send({ topic, acks: -1, messages: poison.map((p, i) => ({ key: `poison-${i}`, value: p.value })) });
    const after = randomUUID();
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: after, value: JSON.stringify({ id: after, data: { name: 'after the poison' } }) }],
    });

    const dead: Array<{ code: string; reason: string }> = [];
    const reader = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    await reader.connect();
    await reader.subscribe({ topic: `${topic}${DLQ_SUFFIX}`, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        dead.push({
          code: message.headers!['ruamjai-dlq-code']!.toString(),
          reason: message.headers!['ruamjai-dlq-reason']!.toString(),
        });
      },
    });
    await eventually(async () => (dead.length >= 12 ? true : undefined));
    await reader.disconnect();
    expect(dead).toHaveLength(12);
    expect(dead.filter((d) => d.code === 'MESSAGE.MALFORMED_JSON')).toHaveLength(4);
    expect(dead.filter((d) => d.code === 'MESSAGE.NO_ID')).toHaveLength(5);
    expect(dead.filter((d) => d.code === 'TEST.NAME_MISSING')).toHaveLength(3);
    await eventually(async () =>
      (await collect(store.readStream(`registration-${after}`))).length > 0 ? true : undefined,
    );
    await expect(collect(store.readStream(`registration-never`))).rejects.toBeInstanceOf(StreamNotFound);
  });

  it('retries a message whose handling failed for a reason that is not the domain’s (the store away), and handles it once it can', async () => {
    const id = randomUUID();
    const handleOnce = handler.handle.bind(handler);
    let failures = 0;
    handler.handle = async (m, context) => {
      if (m.id === id && failures < 2) {
        failures += 1;
        calls.set(m.id, (calls.get(m.id) ?? 0) + 1);
        throw new Error('the event store is not answering');
      }
      return handleOnce(m, context);
    };
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: id,
            value: JSON.stringify({ id, data: { name: 'สมหญิง (fictional)' } }),
            headers: { 'message-id': id },
          },
        ],
      });
      await eventually(
        async () => ((await collect(store.readStream(`registration-${id}`))).length > 0 ? true : undefined),
        60_000,
      );
      // Two failed attempts and the one that worked: retried, not dead-lettered, and recorded once.
      expect(calls.get(id)).toBe(3);
      expect(await collect(store.readStream(`registration-${id}`))).toHaveLength(1);
    } finally {
      handler.handle = handleOnce;
    }
  });

  it('reports its lag, which falls to nothing once every message is handled', async () => {
    const lag = await eventually(async () => {
      const now = await consumer.lag();
      return now.get(topic) === 0 ? now : undefined;
    });
    expect(lag.get(topic)).toBe(0);
    // A group that has read nothing lags by every message on the topic.
    const idle = new InboundConsumer(
      kafka,
      `ruamjai-idle-${randomUUID()}`,
      [handler],
      db,
      kafka.producer(),
      systemClock,
      silent,
    );
    expect((await idle.lag()).get(topic)).toBeGreaterThanOrEqual(15);
  });
});
