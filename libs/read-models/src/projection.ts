import type { RecordedEvent } from '@ruamjai/event-store';
import type { Transaction } from 'kysely';
import type { CoreTables } from './read-model-db';

/**
 * A unit of projection work inside one read-model transaction: any number of `apply` calls, then
 * one `flush`. A rebuild runs all of history through one unit, so a view touched by many events is
 * loaded and written once.
 */
export interface ProjectionUnit {
  apply(events: readonly RecordedEvent[]): Promise<void>;
  flush(): Promise<void>;
}

/**
 * A projection writes its rows inside the runner's transaction; the runner moves its checkpoint in
 * that same transaction. The view logic itself stays pure (view + event -> view) in the bounded
 * context.
 */
export interface Projection {
  readonly name: string;
  /** Events this projection reads; others only move its checkpoint. */
  handles(event: RecordedEvent): boolean;
  begin(trx: Transaction<CoreTables>): ProjectionUnit;
  /** Deletes everything the projection wrote, before a rebuild. */
  reset(trx: Transaction<CoreTables>): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
