import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import { BulkInsert, type CoreTables, type Projection, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely, Migration, Transaction } from 'kysely';
import type { AgencyEvent } from '../agency/agency.events';
import type { AgencyType } from '../agency/agency.state';

export interface AgencyView {
  readonly code: string;
  readonly nameTh: string;
  readonly nameEn: string | null;
  readonly agencyType: AgencyType;
  readonly districtCode: string | null;
  /** The agency's province; null in the table for agencies registered before provinces (the API shows the deployment's). */
  readonly province: string | null;
  readonly active: boolean;
  readonly revision: number;
  readonly updatedAt: string;
}

export type AgencyTables = { agencies: { code: string; revision: number; active: number; doc: string } };

export const agencyMigrations: Record<string, Migration> = {
  '0110-agencies': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('agencies')
        .ifNotExists()
        .addColumn('code', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/** agency + event -> agency: pure. */
export function evolveAgencyView(
  view: AgencyView | undefined,
  event: AgencyEvent,
  revision: number,
  at: string,
): AgencyView | undefined {
  switch (event.type) {
    case 'AgencyRegistered':
      return { ...event.data, province: event.data.province ?? null, active: true, revision, updatedAt: at };
    case 'AgencyRenamed':
      return view && { ...view, nameTh: event.data.nameTh, nameEn: event.data.nameEn, revision, updatedAt: at };
    case 'AgencyTypeChanged':
      return view && { ...view, agencyType: event.data.agencyType, revision, updatedAt: at };
    case 'AgencyDistrictChanged':
      return view && { ...view, districtCode: event.data.districtCode, revision, updatedAt: at };
    case 'AgencyDeactivated':
      return view && { ...view, active: false, revision, updatedAt: at };
    default: {
      const _: never = event;
      return view;
    }
  }
}

type Trx = Transaction<CoreTables & AgencyTables>;
type Row = AgencyTables['agencies'];
const upsert = new BulkInsert<Row>(['code', 'revision', 'active', 'doc'], (db, rows) =>
  (db as Kysely<AgencyTables>)
    .insertInto('agencies')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        revision: eb.ref('excluded.revision'),
        active: eb.ref('excluded.active'),
        doc: eb.ref('excluded.doc'),
      })),
    ),
);

/** The agency directory, one row an agency. */
export const agencyDirectoryProjection: Projection = {
  name: 'agency-directory',
  handles: (event: RecordedEvent) => event.streamId.startsWith('agency-'),
  begin(base) {
    const trx = base as unknown as Trx;
    const views = new Map<string, AgencyView | undefined>();
    return {
      async apply(events) {
        const codes = [...new Set(events.map((e) => (e.data as { code: string }).code))].filter((c) => !views.has(c));
        if (codes.length > 0) {
          const rows = await trx.selectFrom('agencies').select(['code', 'doc']).where('code', 'in', codes).execute();
          for (const code of codes) views.set(code, undefined);
          for (const row of rows) views.set(row.code, JSON.parse(row.doc) as AgencyView);
        }
        for (const event of events) {
          const code = (event.data as { code: string }).code;
          const at = ((event.metadata ?? {}) as Partial<EventMetadata>).occurredAt ?? event.created.toISOString();
          views.set(
            code,
            evolveAgencyView(views.get(code), event as unknown as AgencyEvent, Number(event.revision), at),
          );
        }
      },
      async flush() {
        const rows = [...views.values()]
          .filter((v): v is AgencyView => v !== undefined)
          .map((v) => ({ code: v.code, revision: v.revision, active: v.active ? 1 : 0, doc: JSON.stringify(v) }));
        await upsert.insert(trx, rows);
      },
    };
  },
  async reset(base) {
    await (base as unknown as Trx).deleteFrom('agencies').execute();
  },
};

export async function listAgencies(db: ReadModelDb, options: { includeInactive: boolean }): Promise<AgencyView[]> {
  let query = (db as unknown as Kysely<AgencyTables>).selectFrom('agencies').select('doc').orderBy('code');
  if (!options.includeInactive) query = query.where('active', '=', 1);
  return (await query.execute()).map((r) => JSON.parse(r.doc) as AgencyView);
}

export async function findAgency(db: ReadModelDb, code: string): Promise<AgencyView | undefined> {
  const row = await (db as unknown as Kysely<AgencyTables>)
    .selectFrom('agencies')
    .select('doc')
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? (JSON.parse(row.doc) as AgencyView) : undefined;
}
