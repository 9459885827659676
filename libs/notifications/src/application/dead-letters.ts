import type { Clock } from '@ruamjai/kernel';
import type { ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import type { DeliveryTables } from './notifier';

export interface DeadLetter {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly channel: string;
  readonly address: string;
  readonly attempts: number;
  readonly lastError: string | null;
}

/**
 * The dead-letter list: deliveries that ran out of attempts, and an operator's way to send one round
 * again. Only the deliveries table: the API, the CLI and the notifier's process each use it, whether
 * or not a notifier runs there; the running notifier sends what is replayed.
 */
export class DeadLetters {
  private readonly db: Kysely<DeliveryTables>;

  constructor(
    db: ReadModelDb,
    private readonly clock: Clock,
  ) {
    this.db = db as unknown as Kysely<DeliveryTables>;
  }

  /** In log order, each with its last error. */
  async list(): Promise<DeadLetter[]> {
    const rows = await this.db
      .selectFrom('notification_deliveries')
      .select(['delivery_id', 'event_id', 'channel', 'address', 'attempts', 'last_error'])
      .where('status', '=', 'dead')
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      deliveryId: r.delivery_id,
      eventId: r.event_id,
      channel: r.channel,
      address: r.address,
      attempts: r.attempts,
      lastError: r.last_error,
    }));
  }

  /** Sends a dead delivery round again, its attempts counted afresh; false when it is not on the list. */
  async replay(deliveryId: string): Promise<boolean> {
    const res = await this.db
      .updateTable('notification_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: this.clock.now().toISOString() })
      .where('delivery_id', '=', deliveryId)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Whether any delivery (dead or not) has this id. */
  async exists(deliveryId: string): Promise<boolean> {
    return (
      (await this.db
        .selectFrom('notification_deliveries')
        .select('delivery_id')
        .where('delivery_id', '=', deliveryId)
        .executeTakeFirst()) !== undefined
    );
  }
}
