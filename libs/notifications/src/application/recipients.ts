import { listUsers } from '@ruamjai/identity';
import type { Role } from '@ruamjai/kernel';
import type { ReadModelDb } from '@ruamjai/read-models';
import type { Kysely, Migration } from 'kysely';
import type { Audience } from '../domain/notice';

/** The bell in the console, e-mail over SMTP, and signed webhooks for a gateway (LINE, SMS) the province runs. */
export type Channel = 'console' | 'email' | 'webhook';

/** Someone (a person or a gateway) a notice reaches, on one channel. */
export interface Recipient {
  readonly id: string;
  readonly channel: Channel;
  /** A username (the console), an e-mail address or a webhook URL. */
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
  notification_subscriptions: {
    subscription_id: string;
    agency: string;
    role: string;
    channel: string;
    address: string;
    secret: string | null;
    digest: number;
    created_at: string;
  };
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

  /**
   * `deploymentProvince`: subscriptions name no province; they are this deployment's gateways, so a
   * role's subscription hears of what happens in its province only (an agency's follows the agency).
   */
  constructor(
    db: ReadModelDb,
    private readonly deploymentProvince?: string,
  ) {
    this.db = db as unknown as Kysely<SubscriptionTables>;
  }

  async subscribe(s: Subscription, at: Date): Promise<void> {
    await this.db
      .insertInto('notification_subscriptions')
      .values({
        subscription_id: s.subscriptionId,
        agency: s.agency,
        role: s.role,
        channel: s.channel,
        address: s.address,
        secret: s.secret ?? null,
        digest: s.digest ? 1 : 0,
        created_at: at.toISOString(),
      })
      .onConflict((oc) =>
        oc.column('subscription_id').doUpdateSet({
          agency: s.agency,
          role: s.role,
          channel: s.channel,
          address: s.address,
          secret: s.secret ?? null,
          digest: s.digest ? 1 : 0,
        }),
      )
      .execute();
  }

  async unsubscribe(subscriptionId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('notification_subscriptions')
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Every subscription, without its secret. */
  async list(): Promise<Array<Omit<Subscription, 'secret'>>> {
    const rows = await this.db
      .selectFrom('notification_subscriptions')
      .selectAll()
      .orderBy('subscription_id')
      .execute();
    return rows.map((r) => ({
      subscriptionId: r.subscription_id,
      agency: r.agency,
      role: r.role as Role,
      channel: r.channel as Channel,
      address: r.address,
      digest: r.digest === 1,
    }));
  }

  async recipientsFor(audience: Audience): Promise<Recipient[]> {
    let query = this.db.selectFrom('notification_subscriptions').selectAll();
    if (audience.agency) query = query.where('agency', '=', audience.agency);
    if (audience.role) query = query.where('role', '=', audience.role);
    if (audience.readers) query = query.where('role', 'in', [...audience.readers]);
    if (!audience.agency && !audience.role) return [];
    if (
      !audience.agency &&
      audience.provinces &&
      this.deploymentProvince &&
      !audience.provinces.includes(this.deploymentProvince)
    )
      return [];
    const rows = await query.orderBy('subscription_id').execute();
    return rows.map((r) => ({
      id: r.subscription_id,
      channel: r.channel as Channel,
      address: r.address,
      secret: r.secret,
      digest: r.digest === 1,
    }));
  }
}

/** Whether a person of this agency, role and province is among those a notice is for. */
const concerns = (audience: Audience, person: { agency: string; role: Role; province: string }): boolean =>
  (audience.agency !== undefined || audience.role !== undefined) &&
  (audience.agency === undefined || audience.agency === person.agency) &&
  (audience.role === undefined || audience.role === person.role) &&
  (audience.readers === undefined || audience.readers.includes(person.role)) &&
  (audience.provinces === undefined || audience.provinces.includes(person.province));

/**
 * Recipients from the user directory: every active person of the agency or role a notice is for, on
 * the channels each chose (the bell unless they turned it off; e-mail to their work address, at once
 * or in the daily digest). A role or agency change, a deactivation or new preferences take effect
 * with the next notice planned.
 */
export class UserDirectoryRecipients implements RecipientDirectory {
  /** `deploymentProvince`: the province of accounts registered before provinces. */
  constructor(
    private readonly db: ReadModelDb,
    private readonly deploymentProvince: string,
  ) {}

  async recipientsFor(audience: Audience): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    for (const user of await listUsers(this.db)) {
      if (!user.active || !concerns(audience, { ...user, province: user.province ?? this.deploymentProvince }))
        continue;
      const id = `user:${user.username}`;
      if (user.notifications.inConsole)
        recipients.push({ id, channel: 'console', address: user.username, secret: null, digest: false });
      if (user.notifications.email)
        recipients.push({
          id,
          channel: 'email',
          address: user.notifications.email,
          secret: null,
          digest: user.notifications.dailyDigest,
        });
    }
    return recipients;
  }
}

/** Several directories as one: people from the user directory, gateways from the subscriptions. */
export class CombinedRecipients implements RecipientDirectory {
  private readonly directories: readonly RecipientDirectory[];

  constructor(...directories: RecipientDirectory[]) {
    this.directories = directories;
  }

  async recipientsFor(audience: Audience): Promise<Recipient[]> {
    return (await Promise.all(this.directories.map((d) => d.recipientsFor(audience)))).flat();
  }
}
