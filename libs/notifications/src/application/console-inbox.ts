import type { ReadModelDb } from '@ruamjai/read-models';
import type { Kysely, Migration } from 'kysely';
import type { Notice } from '../domain/notice';
import type { Delivery, DeliveryChannel } from './notifier';

export type InboxTables = {
  notification_inbox: {
    delivery_id: string;
    username: string;
    kind: string;
    subject_th: string;
    subject_en: string;
    body_th: string;
    body_en: string;
    link: string;
    occurred_at: string;
    delivered_at: string;
    read_at: string | null;
  };
};

export const inboxMigrations: Record<string, Migration> = {
  '0303-notification-inbox': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notification_inbox')
        .ifNotExists()
        .addColumn('delivery_id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject_th', 'text', (c) => c.notNull())
        .addColumn('subject_en', 'text', (c) => c.notNull())
        .addColumn('body_th', 'text', (c) => c.notNull())
        .addColumn('body_en', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('notification_inbox_person')
        .ifNotExists()
        .on('notification_inbox')
        .columns(['username', 'delivered_at'])
        .execute();
    },
  },
};

/** One notice in a person's bell: what the notice said, and when it was delivered and read. */
export interface InboxItem extends Pick<Notice, 'subject' | 'body' | 'link' | 'occurredAt'> {
  readonly id: string;
  readonly kind: string;
  readonly deliveredAt: string;
  readonly readAt: string | null;
}

/**
 * The console's channel: a delivery is a row in the person's inbox, keyed by the delivery's id, so a
 * delivery sent again after a crash is the same row. The console reads it as the bell (unread count,
 * newest first) and marks what the person has read.
 */
export class ConsoleInbox implements DeliveryChannel {
  private readonly db: Kysely<InboxTables>;

  constructor(
    db: ReadModelDb,
    private readonly now: () => Date,
  ) {
    this.db = db as unknown as Kysely<InboxTables>;
  }

  async send(d: Delivery): Promise<void> {
    await this.db
      .insertInto('notification_inbox')
      .values({
        delivery_id: d.deliveryId,
        username: d.address,
        kind: d.kind,
        subject_th: d.subject.th,
        subject_en: d.subject.en,
        body_th: d.body.th,
        body_en: d.body.en,
        link: d.link,
        occurred_at: d.occurredAt,
        delivered_at: this.now().toISOString(),
        read_at: null,
      })
      .onConflict((oc) => oc.column('delivery_id').doNothing())
      .execute();
  }

  /** A person's notices, newest first, with how many are unread in all. */
  async list(
    username: string,
    options: { limit?: number; unreadOnly?: boolean } = {},
  ): Promise<{ unread: number; items: InboxItem[] }> {
    let query = this.db.selectFrom('notification_inbox').selectAll().where('username', '=', username);
    if (options.unreadOnly) query = query.where('read_at', 'is', null);
    const rows = await query
      .orderBy('delivered_at', 'desc')
      .orderBy('delivery_id')
      .limit(options.limit ?? 50)
      .execute();
    return {
      unread: await this.unread(username),
      items: rows.map((r) => ({
        id: r.delivery_id,
        kind: r.kind,
        subject: { th: r.subject_th, en: r.subject_en },
        body: { th: r.body_th, en: r.body_en },
        link: r.link,
        occurredAt: r.occurred_at,
        deliveredAt: r.delivered_at,
        readAt: r.read_at,
      })),
    };
  }

  async unread(username: string): Promise<number> {
    const row = await this.db
      .selectFrom('notification_inbox')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('username', '=', username)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Marks one notice (or, with no id, every notice) of the person read; returns how many changed. Nobody marks another's. */
  async markRead(username: string, id?: string): Promise<number> {
    let query = this.db
      .updateTable('notification_inbox')
      .set({ read_at: this.now().toISOString() })
      .where('username', '=', username)
      .where('read_at', 'is', null);
    if (id !== undefined) query = query.where('delivery_id', '=', id);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Whether the person has a notice with this id (read or not). */
  async has(username: string, id: string): Promise<boolean> {
    return (
      (await this.db
        .selectFrom('notification_inbox')
        .select('delivery_id')
        .where('username', '=', username)
        .where('delivery_id', '=', id)
        .executeTakeFirst()) !== undefined
    );
  }
}
