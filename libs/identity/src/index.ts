export * from './user/user.values';
export * from './user/user.commands';
export * from './user/user.events';
export * from './user/user.state';
export * from './user/user.errors';
export * from './user/user.decider';
export * from './user/user.policy';
export { lockoutSeconds } from './user/attempt-sign-in/attempt-sign-in.decide';
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
export * from './user/provider-sign-in-refusals';
export * from './application/provider-claims';
