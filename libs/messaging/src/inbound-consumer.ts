import { DomainError, type Clock } from '@ruamjai/kernel';
import type { ReadModelDb } from '@ruamjai/read-models';
import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { RelayLogger } from './kafka-relay';

/** A message that can never be handled: it goes to the dead-letter topic with this reason. */
export class InvalidMessage extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'InvalidMessage';
  }
}

export interface InboundContext {
  /** The sender's message id: handlers derive their idempotency key from it. */
  readonly messageId: string;
  readonly topic: string;
  readonly correlationId: string;
}

/** Turns one inbound topic's messages into commands. */
export interface InboundHandler<Message> {
  readonly topic: string;
  /** Validates and parses; throws InvalidMessage for anything that can never be handled. */
  parse(value: unknown): Message;
  /** Runs the command. Must be idempotent on the message id: a redelivery may come after a crash. */
  handle(message: Message, context: InboundContext): Promise<void>;
  /**
   * What of a refused message the dead-letter topic may keep. Messages carrying personal data
   * should not outlive their refusal there, where erasure cannot reach: return the value without it.
   * Without this hook the value is kept as it came.
   */
  deadLetterValue?(value: Buffer | null): Buffer | null;
}

export const DLQ_SUFFIX = '.dlq';
const MESSAGE_ID = /^[\w.:@-]{1,200}$/;

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value[0] : value)?.toString();
}

/**
 * Consumes inbound topics: deduplicates by message id, so a redelivery never makes a second command;
 * sends invalid or refused messages to `<topic>.dlq` with the reason, and keeps going. Failures of
 * our own infrastructure are retried (the offset is not committed), never dead-lettered.
 */
export class InboundConsumer {
  private consumer: Consumer | undefined;
  private readonly handlers: Map<string, InboundHandler<unknown>>;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    handlers: readonly InboundHandler<unknown>[],
    private readonly db: ReadModelDb,
    private readonly producer: Producer,
    private readonly clock: Clock,
    private readonly logger: RelayLogger,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.topic, h]));
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: this.groupId, retry: { retries: 10 } });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.handlers.keys()], fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      eachMessage: ({ topic, partition, message }) => this.process(topic, partition, message),
    });
  }

  /** Messages each topic holds beyond what this consumer group has committed: its lag. */
  async lag(): Promise<Map<string, number>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = [...this.handlers.keys()];
      const committed = await admin.fetchOffsets({ groupId: this.groupId, topics });
      const result = new Map<string, number>();
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
        let lag = 0;
        for (const end of ends) {
          const at = Number(done.find((p) => p.partition === end.partition)?.offset ?? '-1');
          lag += Number(end.high) - (at < 0 ? Number(end.low) : at);
        }
        result.set(topic, lag);
      }
      return result;
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer.disconnect();
  }

  private async process(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const handler = this.handlers.get(topic)!;
    let value: unknown;
    try {
      value = message.value ? JSON.parse(message.value.toString('utf8')) : undefined;
    } catch {
      return this.deadLetter(
        topic,
        partition,
        message,
        undefined,
        new InvalidMessage('MESSAGE.MALFORMED_JSON', 'the value is not JSON'),
      );
    }
    const messageId =
      header(message.headers, 'message-id') ??
      (typeof value === 'object' && value && typeof (value as { id?: unknown }).id === 'string'
        ? (value as { id: string }).id
        : undefined);
    if (!messageId || !MESSAGE_ID.test(messageId)) {
      return this.deadLetter(
        topic,
        partition,
        message,
        undefined,
        new InvalidMessage('MESSAGE.NO_ID', 'no usable message id (header message-id or field id)'),
      );
    }
    if (await this.seen(messageId)) return;
    let parsed: unknown;
    try {
      parsed = handler.parse(value);
    } catch (error) {
      if (error instanceof InvalidMessage) return this.deadLetter(topic, partition, message, messageId, error);
      throw error;
    }
    try {
      await handler.handle(parsed, {
        messageId,
        topic,
        correlationId: header(message.headers, 'correlation-id') ?? messageId,
      });
    } catch (error) {
      // The domain refused it: retrying cannot help. Anything else is ours to retry.
      if (error instanceof DomainError)
        return this.deadLetter(topic, partition, message, messageId, new InvalidMessage(error.code, error.text.en));
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error), topic, messageId },
        'inbound message failed; it will be retried',
      );
      throw error;
    }
    await this.remember(messageId, 'handled');
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    messageId: string | undefined,
    reason: InvalidMessage,
  ): Promise<void> {
    const handler = this.handlers.get(topic)!;
    await this.producer.send({
      topic: `${topic}${DLQ_SUFFIX}`,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: handler.deadLetterValue ? handler.deadLetterValue(message.value) : message.value,
          headers: {
            ...message.headers,
            'ruamjai-dlq-code': reason.code,
            'ruamjai-dlq-reason': reason.message,
            'ruamjai-dlq-original-topic': topic,
            'ruamjai-dlq-original-partition': String(partition),
            'ruamjai-dlq-original-offset': message.offset,
          },
        },
      ],
    });
    this.logger.warn({ topic, code: reason.code, messageId }, 'inbound message dead-lettered');
    if (messageId) await this.remember(messageId, `dead-lettered:${reason.code}`);
  }

  private async seen(messageId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('inbound_messages')
      .select('outcome')
      .where('consumer', '=', this.groupId)
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async remember(messageId: string, outcome: string): Promise<void> {
    await this.db
      .insertInto('inbound_messages')
      .values({ consumer: this.groupId, message_id: messageId, outcome, processed_at: this.clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['consumer', 'message_id']).doNothing())
      .execute();
  }
}
