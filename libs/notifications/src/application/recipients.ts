import type { Role } from '@ruamjai/kernel';
import type { ReadModelDb } from '@ruamjai/read-models';
import type { Kysely, Migration } from 'kysely';
import type { Audience } from '../domain/notice';

export type Channel = 'email' | 'webhook';

/** Someone (a person or a gateway) a notice reaches, on one channel. */
export interface Recipient {
  readonly id: string;
  readonly channel: Channel;
  /** An e-mail address or a webhook URL. */
  readonly address: string;
  /** The webhook's signing secret. */
  readonly secret: string | null;
  /** A daily digest instead of one message a notice. */
  readonly digest: boolean;
}

/**
 * Who should hear of a notice. The port the notifier depends on: subscriptions registered per agency
 * and role today, the user directory (users with their role, agency and preferences) later.
 */
export interface RecipientDirectory {
  recipientsFor(audience: Audience): Promise<Recipient[]>;
}

export type SubscriptionTables = {
  notification_subscriptions: { subscription_id: string; agency: string; role: string; channel: string; address: string; secret: string | null; digest: number; created_at: string };
};

export const subscriptionMigrations: Record<string, Migration> = {
  '0300-notification-subscriptions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notification_subscriptions')
        .ifNotExists()
        .addColumn('subscription_id', 'text', (c) => c.primaryKey())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('secret', 'text')
        .addColumn('digest', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export interface Subscription {
  readonly subscriptionId: string;
  readonly agency: string;
  readonly role: Role;
  readonly channel: Channel;
  readonly address: string;
  readonly secret?: string | null;
  readonly digest?: boolean;
}

/**
 * Recipients from subscriptions, one per agency and role and channel and address: a notice for an
 * agency reaches every subscription of that agency; one for a role, every subscription of that role.
 */
export class SubscriptionDirectory implements RecipientDirectory {
  private readonly db: Kysely<SubscriptionTables>;

  constructor(db: ReadModelDb) {
    this.db = db as unknown as Kysely<SubscriptionTables>;
  }

  async subscribe(s: Subscription, at: Date): Promise<void> {
    await this.db
      .insertInto('notification_subscriptions')
      .values({ subscription_id: s.subscriptionId, agency: s.agency, role: s.role, channel: s.channel, address: s.address, secret: s.secret ?? null, digest: s.digest ? 1 : 0, created_at: at.toISOString() })
      .onConflict((oc) => oc.column('subscription_id').doUpdateSet({ agency: s.agency, role: s.role, channel: s.channel, address: s.address, secret: s.secret ?? null, digest: s.digest ? 1 : 0 }))
      .execute();
  }

  async recipientsFor(audience: Audience): Promise<Recipient[]> {
    let query = this.db.selectFrom('notification_subscriptions').selectAll();
    if (audience.agency) query = query.where('agency', '=', audience.agency);
    if (audience.role) query = query.where('role', '=', audience.role);
    if (!audience.agency && !audience.role) return [];
    const rows = await query.orderBy('subscription_id').execute();
    return rows.map((r) => ({ id: r.subscription_id, channel: r.channel as Channel, address: r.address, secret: r.secret, digest: r.digest === 1 }));
  }
}
