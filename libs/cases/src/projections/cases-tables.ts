import type { Kysely, Migration } from 'kysely';

/**
 * Read models of case work. None holds a personal field or even its ciphertext: personal data is
 * read from the case's stream through the vault, by those who need to know, and every read is logged.
 */
export type CasesTables = {
  case_register: {
    case_id: string;
    owning_agency: string;
    /** The province the case belongs to; null for cases opened before provinces (read as the deployment's). */
    province: string | null;
    district_code: string;
    source: string;
    age_group: string;
    stage: string;
    status: string;
    identification: string | null;
    case_manager_id: string | null;
    consent: number;
    legal_basis: string | null;
    erased: number;
    found_on: string;
    opened_at: string;
    screened_at: string | null;
    closed_at: string | null;
    closure_outcome: string | null;
    revision: number;
    updated_at: string;
  };
  referral_register: {
    referral_id: string;
    case_id: string;
    /** The case's province; null for referrals sent before provinces (the deployment's). */
    province: string | null;
    /** The recipient agency's province; null when not recorded (the case's). */
    to_province: string | null;
    from_agency: string;
    to_agency: string;
    service: string;
    urgency: string;
    status: string;
    shares_personal_data: number;
    sent_at: string;
    due_at: string;
    acknowledged_at: string | null;
    accepted_at: string | null;
    finished_at: string | null;
    outcome: string | null;
    overdue: number;
    escalated_at: string | null;
    revision: number;
    updated_at: string;
  };
  commitment_register: {
    commitment_id: string;
    agency: string;
    /** The pledging agency's province; null for pledges made before provinces (the deployment's). */
    province: string | null;
    target_kind: string;
    target_id: string;
    plan_id: string | null;
    resource: string;
    quantity: number | string;
    fulfilled: number | string;
    due_on: string;
    status: string;
    revision: number;
    updated_at: string;
  };
  personal_data_access_log: {
    event_id: string;
    case_id: string;
    kind: string;
    actor_id: string;
    agency: string;
    role: string;
    purpose: string;
    ground: string | null;
    at: string;
    until: string | null;
  };
};

export const casesMigrations: Record<string, Migration> = {
  '0200-cases': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('case_register')
        .ifNotExists()
        .addColumn('case_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('owning_agency', 'varchar(64)', (c) => c.notNull())
        .addColumn('district_code', 'varchar(8)', (c) => c.notNull())
        .addColumn('source', 'varchar(40)', (c) => c.notNull())
        .addColumn('age_group', 'varchar(16)', (c) => c.notNull())
        .addColumn('stage', 'varchar(40)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('identification', 'varchar(16)')
        .addColumn('case_manager_id', 'varchar(200)')
        .addColumn('consent', 'integer', (c) => c.notNull())
        .addColumn('legal_basis', 'varchar(40)')
        .addColumn('erased', 'integer', (c) => c.notNull())
        .addColumn('found_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('opened_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('screened_at', 'varchar(40)')
        .addColumn('closed_at', 'varchar(40)')
        .addColumn('closure_outcome', 'varchar(40)')
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('referral_register')
        .ifNotExists()
        .addColumn('referral_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('from_agency', 'varchar(64)', (c) => c.notNull())
        .addColumn('to_agency', 'varchar(64)', (c) => c.notNull())
        .addColumn('service', 'varchar(40)', (c) => c.notNull())
        .addColumn('urgency', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('shares_personal_data', 'integer', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('due_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('acknowledged_at', 'varchar(40)')
        .addColumn('accepted_at', 'varchar(40)')
        .addColumn('finished_at', 'varchar(40)')
        .addColumn('outcome', 'varchar(40)')
        .addColumn('overdue', 'integer', (c) => c.notNull())
        .addColumn('escalated_at', 'varchar(40)')
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('referral_register_case')
        .ifNotExists()
        .on('referral_register')
        .column('case_id')
        .execute();
      await db.schema
        .createIndex('referral_register_due')
        .ifNotExists()
        .on('referral_register')
        .columns(['status', 'overdue', 'due_at'])
        .execute();
      await db.schema
        .createTable('commitment_register')
        .ifNotExists()
        .addColumn('commitment_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('agency', 'varchar(64)', (c) => c.notNull())
        .addColumn('target_kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('target_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('plan_id', 'varchar(36)')
        .addColumn('resource', 'varchar(32)', (c) => c.notNull())
        .addColumn('quantity', 'bigint', (c) => c.notNull())
        .addColumn('fulfilled', 'bigint', (c) => c.notNull())
        .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('personal_data_access_log')
        .ifNotExists()
        .addColumn('event_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('actor_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('agency', 'varchar(64)', (c) => c.notNull())
        .addColumn('role', 'varchar(32)', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('ground', 'varchar(32)')
        .addColumn('at', 'varchar(40)', (c) => c.notNull())
        .addColumn('until', 'varchar(40)')
        .execute();
      await db.schema
        .createIndex('personal_data_access_log_case')
        .ifNotExists()
        .on('personal_data_access_log')
        .columns(['case_id', 'at'])
        .execute();
    },
  },
  // Rows from before provinces keep a null province: queries read it as the deployment's.
  '0201-cases-province': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('case_register').addColumn('province', 'varchar(8)').execute();
      await db.schema.alterTable('referral_register').addColumn('province', 'varchar(8)').execute();
      await db.schema.alterTable('commitment_register').addColumn('province', 'varchar(8)').execute();
    },
  },
  // A cross-province referral is seen from both its provinces. Rows from before keep a null: the case's.
  '0210-referral-to-province': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('referral_register').addColumn('to_province', 'varchar(8)').execute();
      await db.schema
        .createIndex('referral_register_to_province')
        .ifNotExists()
        .on('referral_register')
        .column('to_province')
        .execute();
    },
  },
};

/** The referral register's projection name, for readers that check how far it has come. */
export const REFERRAL_REGISTER = 'referral-register';
