import type { Kysely, Migration } from 'kysely';

export type PlanningTables = {
  plan_views: { plan_id: string; revision: number; doc: string; updated_at: string };
  plan_projects: { plan_id: string; project_id: string; added_at_revision: number; doc: string };
  plan_history: {
    plan_id: string;
    revision: number;
    position: string;
    event_id: string;
    event_type: string;
    occurred_at: string;
    recorded_at: string;
    actor_id: string;
    agency: string;
    role: string;
    reason: string | null;
    correlation_id: string;
    data: string;
  };
};

export const planningMigrations: Record<string, Migration> = {
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
        .addColumn('added_at_revision', 'integer', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_projects_pk', ['plan_id', 'project_id'])
        .execute();
      await db.schema
        .createTable('plan_history')
        .ifNotExists()
        .addColumn('plan_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('position', 'varchar(40)', (c) => c.notNull())
        .addColumn('event_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('event_type', 'varchar(100)', (c) => c.notNull())
        .addColumn('occurred_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('recorded_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('actor_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('agency', 'varchar(100)', (c) => c.notNull())
        .addColumn('role', 'varchar(50)', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('correlation_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_history_pk', ['plan_id', 'revision'])
        .execute();
    },
  },
};
