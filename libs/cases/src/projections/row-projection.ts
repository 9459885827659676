import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import type { CoreTables, Projection } from '@ruamjai/read-models';
import type { Kysely, Transaction } from 'kysely';
import type { CasesTables } from './cases-tables';

type Table = keyof CasesTables;

export interface Change<Event> {
  readonly event: Event;
  readonly revision: number;
  readonly occurredAt: string;
  readonly recorded: RecordedEvent;
}

/**
 * A projection that keeps one row per aggregate: rows a batch touches are loaded once, evolved in
 * memory by a pure function, and upserted once at the end of the unit. The same SQL on SQLite and
 * PostgreSQL.
 */
export function rowProjection<T extends Table, Event>(options: {
  name: string;
  table: T;
  key: keyof CasesTables[T] & string;
  handles: (event: RecordedEvent) => boolean;
  keyOf: (event: RecordedEvent) => string;
  evolve(row: CasesTables[T] | undefined, change: Change<Event>): CasesTables[T] | undefined;
}): Projection {
  const table = options.table as string;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc widens the literal without it
  const key = options.key as string;
  return {
    name: options.name,
    handles: options.handles,
    begin(base) {
      const trx = base as unknown as Transaction<CasesTables>;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const db = trx as unknown as Kysely<any>;
      const rows = new Map<string, CasesTables[T] | undefined>();
      const dirty = new Set<string>();
      return {
        async apply(events) {
          const missing = [...new Set(events.map(options.keyOf))].filter((k) => !rows.has(k));
          for (let i = 0; i < missing.length; i += 400) {
            const part = missing.slice(i, i + 400);
            const found = (await db.selectFrom(table).selectAll().where(key, 'in', part).execute()) as Array<
              Record<string, unknown>
            >;
            for (const k of part) rows.set(k, undefined);
            for (const row of found) rows.set(String(row[key]), row as unknown as CasesTables[T]);
          }
          for (const recorded of events) {
            const k = options.keyOf(recorded);
            const meta = (recorded.metadata ?? {}) as Partial<EventMetadata>;
            const change = {
              event: { type: recorded.type, data: recorded.data } as Event,
              revision: Number(recorded.revision),
              occurredAt: meta.occurredAt ?? recorded.created.toISOString(),
              recorded,
            };
            rows.set(k, options.evolve(rows.get(k), change));
            dirty.add(k);
          }
        },
        async flush() {
          for (const k of dirty) {
            const row = rows.get(k) as Record<string, unknown> | undefined;
            if (!row) continue;
            const { [key]: _id, ...rest } = row;
            await db
              .insertInto(table)
              .values(row)
              .onConflict((oc) => oc.column(key).doUpdateSet(rest))
              .execute();
          }
          dirty.clear();
        },
      };
    },
    async reset(base) {
      await (base as unknown as Transaction<CoreTables & CasesTables>).deleteFrom(options.table).execute();
    },
  };
}
