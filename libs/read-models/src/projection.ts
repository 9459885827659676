import type { RecordedEvent } from '@ruamjai/event-store';
import type { Transaction } from 'kysely';
import type { CoreTables } from './read-model-db';

/**
 * A projection writes its rows for a batch of events inside the runner's transaction; the runner
 * moves its checkpoint in that same transaction. The view logic itself stays pure
 * (view + event -> view) in the bounded context.
 */
export interface Projection {
  readonly name: string;
  /** Events this projection reads; others only move its checkpoint. */
  handles(event: RecordedEvent): boolean;
  apply(trx: Transaction<CoreTables>, events: readonly RecordedEvent[]): Promise<void>;
  /** Deletes everything the projection wrote, before a rebuild. */
  reset(trx: Transaction<CoreTables>): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
