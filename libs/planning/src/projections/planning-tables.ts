import type { Kysely, Migration } from 'kysely';
import { agencyMigrations } from './agency-directory';

export type PlanningTables = {
  plan_views: { plan_id: string; revision: number; doc: string; updated_at: string };
  plan_projects: {
    plan_id: string;
    project_id: string;
    title_th: string;
    title_en: string | null;
    lead_agency_code: string;
    district_codes: string;
    requested_budget_satang: number;
    funding_source: string;
    added_at_revision: number;
    updated_at: string;
    fund_requests: string;
    /** JSON: structure, budget lines, activities, KPIs and progress. */
    detail: string;
  };
  /** Dashboard cells: one row per plan, dimension and key, with its measures as JSON. */
  plan_dashboard: {
    plan_id: string;
    fiscal_year: number;
    province_code: string;
    dimension: string;
    key: string;
    measures: string;
  };
  /**
   * A plan's view as folded up to a revision, kept every thousand events so auditors' as-of views
   * read only the events since. `event_id` names the event at that revision: a snapshot whose event
   * is not the one in the log is not used.
   */
  plan_snapshots: { plan_id: string; revision: number; latest_event_at: string; event_id: string; doc: string };
};

export const planningMigrations: Record<string, Migration> = {
  ...agencyMigrations,
  '0120-plan-project-fund-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('plan_projects')
        .addColumn('fund_requests', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    },
  },
  '0130-plan-structure-and-dashboard': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('plan_projects')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema
        .createTable('plan_dashboard')
        .ifNotExists()
        .addColumn('plan_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('province_code', 'varchar(8)', (c) => c.notNull())
        .addColumn('dimension', 'varchar(20)', (c) => c.notNull())
        .addColumn('key', 'varchar(64)', (c) => c.notNull())
        .addColumn('measures', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_dashboard_pk', ['plan_id', 'dimension', 'key'])
        .execute();
      await db.schema
        .createIndex('plan_dashboard_by_year')
        .ifNotExists()
        .on('plan_dashboard')
        .columns(['fiscal_year', 'province_code'])
        .execute();
    },
  },
  '0140-plan-snapshots': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('plan_snapshots')
        .ifNotExists()
        .addColumn('plan_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('latest_event_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_snapshots_pk', ['plan_id', 'revision'])
        .execute();
    },
  },
  '0100-planning': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('plan_views')
        .ifNotExists()
        .addColumn('plan_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('plan_projects')
        .ifNotExists()
        .addColumn('plan_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('project_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('title_th', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text')
        .addColumn('lead_agency_code', 'varchar(64)', (c) => c.notNull())
        .addColumn('district_codes', 'text', (c) => c.notNull())
        .addColumn('requested_budget_satang', 'bigint', (c) => c.notNull())
        .addColumn('funding_source', 'varchar(40)', (c) => c.notNull())
        .addColumn('added_at_revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_projects_pk', ['plan_id', 'project_id'])
        .execute();
    },
  },
};
