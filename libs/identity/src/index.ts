export * from './domain/user/user';
export * from './domain/user/user.decider';
export * from './domain/user/user.policy';
export * from './application/credentials';
export * from './application/user-accounts';
export * from './sessions/session-store';
export * from './projections/user-directory';
export * from './identity.module';
import type { Migration } from 'kysely';
import { userDirectoryMigrations } from './projections/user-directory';
import { sessionMigrations } from './sessions/session-store';

/** The identity context's read-model tables (and, on PostgreSQL, its sessions). */
export const identityMigrations: Record<string, Migration> = { ...userDirectoryMigrations, ...sessionMigrations };
export * from './domain/provider-sign-in/provider-sign-in-refusals';
export * from './application/provider-claims';
