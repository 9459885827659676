import type { EventStore } from '@ruamjai/event-store';
import type { Clock, EventMetadata } from '@ruamjai/kernel';
import { lockCheckpoint, readCheckpoint, writeCheckpoint, type CoreTables, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely, Migration, Transaction } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import { nextAttemptAt, noticesFor, type Notice } from '../domain/notice';
import type { Channel, Recipient, RecipientDirectory } from './recipients';

/** One message to one recipient on one channel, as a channel sends it. */
export interface Delivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly kind: string;
  readonly channel: Channel;
  readonly address: string;
  readonly secret: string | null;
  readonly subject: { th: string; en: string };
  readonly body: { th: string; en: string };
  /** The full link into the console. */
  readonly url: string;
  readonly occurredAt: string;
}

/** A way to reach people. Throws when the far end did not take the message. */
export interface DeliveryChannel {
  send(delivery: Delivery): Promise<void>;
}

export type DeliveryTables = {
  notification_deliveries: {
    delivery_id: string;
    event_id: string;
    position: string;
    kind: string;
    channel: string;
    recipient_id: string;
    address: string;
    secret: string | null;
    payload: string;
    status: string;
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
};

export const deliveryMigrations: Record<string, Migration> = {
  '0301-notification-deliveries': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notification_deliveries')
        .ifNotExists()
        .addColumn('delivery_id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('secret', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('notification_deliveries_due').ifNotExists().on('notification_deliveries').columns(['status', 'next_attempt_at']).execute();
    },
  },
};

/** Delivery ids derive from the event, the recipient and the channel: planning an event twice plans nothing new. */
const DELIVERY_NAMESPACE = '6f1b0c2e-6a57-4c1e-9a0e-2f9a8d3c7b41';
export const deliveryIdOf = (eventId: string, recipientId: string, channel: Channel): string => uuidv5(`${eventId}|${recipientId}|${channel}`, DELIVERY_NAMESPACE);

export interface NotifierOptions {
  readonly baseUrl: string;
  readonly maxAttempts?: number;
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
  readonly batchSize?: number;
  readonly pollMs?: number;
  /** The case's owning agency, for notices that need it (an auditor's access grant). */
  readonly owningAgencyOf?: (caseId: string) => Promise<string | undefined>;
}

const CHECKPOINT = 'notifier';

/**
 * Notifications driven by events, like a projection: it reads the log after its checkpoint, turns
 * each event into notices and each notice into one delivery a recipient and channel, and stores the
 * deliveries with the new checkpoint in one transaction (a restart replans nothing it planned, and
 * the ids would match if it did). A second loop sends what is due, retries with doubling back-off,
 * and after `maxAttempts` puts a delivery on the dead-letter list, from where an operator replays it.
 * Nothing here is called from a command handler.
 */
export class Notifier {
  private readonly db: Kysely<DeliveryTables & CoreTables>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly store: EventStore,
    db: ReadModelDb,
    private readonly directory: RecipientDirectory,
    private readonly channels: Readonly<Partial<Record<Channel, DeliveryChannel>>>,
    private readonly clock: Clock,
    private readonly options: NotifierOptions,
  ) {
    this.db = db as unknown as Kysely<DeliveryTables & CoreTables>;
  }

  private get maxAttempts(): number {
    return this.options.maxAttempts ?? 8;
  }

  /**
   * Plans the deliveries of the events after the checkpoint (one batch); returns how many events it
   * read. Recipients are looked up first; the deliveries and the new checkpoint are then written in one
   * transaction that holds the checkpoint's lock, and written only if no other process moved it meanwhile.
   */
  async plan(): Promise<number> {
    const from = await readCheckpoint(this.db as unknown as Kysely<CoreTables>, CHECKPOINT);
    const planned: Array<{ notice: Notice; position: bigint; recipients: Recipient[] }> = [];
    let read = 0;
    let last = from;
    for await (const recorded of this.store.readAll({ fromPosition: from === 0n ? 'start' : from + 1n, maxCount: this.options.batchSize ?? 500 })) {
      if (from !== 0n && recorded.position <= from) continue;
      read += 1;
      last = recorded.position;
      const occurredAt = ((recorded.metadata ?? {}) as Partial<EventMetadata>).occurredAt ?? recorded.created.toISOString();
      const caseId = (recorded.data as { caseId?: string }).caseId;
      const owner = recorded.type === 'AuditAccessGranted' && caseId && this.options.owningAgencyOf ? await this.options.owningAgencyOf(caseId) : undefined;
      for (const notice of noticesFor({ id: recorded.id, type: recorded.type, data: recorded.data as Record<string, unknown>, occurredAt }, () => owner)) {
        planned.push({ notice, position: recorded.position, recipients: await this.directory.recipientsFor(notice.audience) });
      }
    }
    if (read === 0) return 0;
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const locked = await lockCheckpoint(trx as unknown as Transaction<CoreTables>, CHECKPOINT, now);
      // Another process planned this batch first: its deliveries carry the same ids; nothing to do.
      if (locked !== from) return 0;
      for (const { notice, position, recipients } of planned) for (const recipient of recipients) await this.insertDelivery(trx, notice, recipient, position, now);
      await writeCheckpoint(trx as unknown as Transaction<CoreTables>, CHECKPOINT, last, now);
      return read;
    });
  }

  private async insertDelivery(trx: Transaction<DeliveryTables & CoreTables>, notice: Notice, recipient: Recipient, position: bigint, now: Date): Promise<void> {
    await trx
      .insertInto('notification_deliveries')
      .values({
        delivery_id: deliveryIdOf(notice.eventId, recipient.id, recipient.channel),
        event_id: notice.eventId,
        // Zero-padded, so the text column sorts in log order.
        position: position.toString().padStart(20, '0'),
        kind: notice.kind,
        channel: recipient.channel,
        recipient_id: recipient.id,
        address: recipient.address,
        secret: recipient.secret,
        payload: JSON.stringify({ subject: notice.subject, body: notice.body, link: notice.link, occurredAt: notice.occurredAt }),
        // A daily digest gathers these; they wait here until it is sent.
        status: recipient.digest ? 'digest' : 'pending',
        attempts: 0,
        next_attempt_at: now.toISOString(),
        last_error: null,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .onConflict((oc) => oc.column('delivery_id').doNothing())
      .execute();
  }

  /** Sends the deliveries that are due; returns what became of them. */
  async dispatch(): Promise<{ sent: number; failed: number; dead: number }> {
    const now = this.clock.now();
    const due = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('position')
      .orderBy('delivery_id')
      .limit(this.options.batchSize ?? 500)
      .execute();
    const result = { sent: 0, failed: 0, dead: 0 };
    for (const row of due) {
      const channel = this.channels[row.channel as Channel];
      const payload = JSON.parse(row.payload) as { subject: Delivery['subject']; body: Delivery['body']; link: string; occurredAt: string };
      try {
        if (!channel) throw new Error(`no ${row.channel} channel configured`);
        await channel.send({
          deliveryId: row.delivery_id,
          eventId: row.event_id,
          kind: row.kind,
          channel: row.channel as Channel,
          address: row.address,
          secret: row.secret,
          subject: payload.subject,
          body: payload.body,
          url: `${this.options.baseUrl.replace(/\/$/, '')}${payload.link}`,
          occurredAt: payload.occurredAt,
        });
        await this.db.updateTable('notification_deliveries').set({ status: 'sent', attempts: row.attempts + 1, sent_at: this.clock.now().toISOString(), last_error: null }).where('delivery_id', '=', row.delivery_id).execute();
        result.sent += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const dead = attempts >= this.maxAttempts;
        const retryAt = new Date(nextAttemptAt(this.clock.now().getTime(), attempts, this.options.firstRetryMs ?? 1000, this.options.maxRetryMs ?? 15 * 60_000));
        await this.db
          .updateTable('notification_deliveries')
          .set({ status: dead ? 'dead' : 'pending', attempts, next_attempt_at: retryAt.toISOString(), last_error: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500) })
          .where('delivery_id', '=', row.delivery_id)
          .execute();
        if (dead) result.dead += 1;
        else result.failed += 1;
      }
    }
    return result;
  }

  /** The dead-letter list: deliveries that ran out of attempts, with their last error. */
  async deadLetters(): Promise<Array<{ deliveryId: string; eventId: string; channel: string; address: string; attempts: number; lastError: string | null }>> {
    const rows = await this.db.selectFrom('notification_deliveries').select(['delivery_id', 'event_id', 'channel', 'address', 'attempts', 'last_error']).where('status', '=', 'dead').orderBy('position').execute();
    return rows.map((r) => ({ deliveryId: r.delivery_id, eventId: r.event_id, channel: r.channel, address: r.address, attempts: r.attempts, lastError: r.last_error }));
  }

  /** An operator sends a dead delivery round again, with its attempts counted afresh. */
  async replay(deliveryId: string): Promise<boolean> {
    const res = await this.db
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: this.clock.now().toISOString() })
      .where('delivery_id', '=', deliveryId)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** One round: plan what the log calls for, then send what is due. */
  async tick(): Promise<void> {
    // A long backlog is planned a batch at a time, with sending in between.
    for (let batches = 0; batches < 20 && (await this.plan()) > 0; batches++);
    await this.dispatch();
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch(() => undefined)
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 1000);
        });
    };
    loop();
  }

  /** Stops after the round under way: every message it sent is marked sent before this resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
