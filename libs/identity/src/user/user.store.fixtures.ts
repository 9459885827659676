/* What the user handlers' specs share: a directory on the embedded event store, sessions beside it, a fixed clock. */
import { collect, CommandRunner, SqliteEventStore, type CommandContext } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import { migrateReadModels, openSqliteRequests } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../application/credentials';
import { SessionStore, sessionMigrations, type SessionTables } from '../sessions/session-store';
import { UserCommands } from './user.commands.handler';
import { userStreamId } from './user.events';
import { at, secretariat } from './user.fixtures';
import type { KnownUser } from './user.state';

export interface Directory {
  readonly users: UserCommands;
  readonly sessions: SessionStore;
  readonly clock: FixedClock;
  /** The secretariat's context for a management step, with its reason. */
  context(reason?: string): CommandContext;
  /** Adds an agency officer whose one-time password is `password`. */
  register(username: string, password: string): Promise<KnownUser>;
  /** The person's history, oldest first: each event's type, data and metadata. */
  history(username: string): Promise<{ type: string; data: unknown; metadata: unknown }[]>;
  close(): Promise<void>;
}

export async function openDirectory(): Promise<Directory> {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-users-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const clock = new FixedClock(at);
  const users = new UserCommands(new CommandRunner(store), clock, 'TH-27');
  const db = openSqliteRequests(join(dir, 'sessions.sqlite'));
  await migrateReadModels(db as unknown as Kysely<unknown>, [sessionMigrations]);
  const sessions = new SessionStore(db as unknown as Kysely<SessionTables>, true);
  const context = (reason?: string): CommandContext => users.context(secretariat, 'test', reason ? { reason } : {});
  return {
    users,
    sessions,
    clock,
    context,
    async register(username, password) {
      const data = {
        username,
        displayName: `คุณ ${username}`,
        role: 'agency_officer' as const,
        agency: 'IMM-SK',
        province: 'TH-27',
      };
      await users.run(
        { type: 'RegisterUser', data: { ...data, passwordHash: await hashPassword(password) }, actor: secretariat, at },
        context(),
      );
      const { user } = await users.load(username);
      if (!user) throw new Error(`${username} was not registered`);
      return user;
    },
    async history(username) {
      const events = await collect(store.readStream(userStreamId(username)));
      return events.map(({ type, data, metadata }) => ({ type, data, metadata }));
    },
    async close() {
      await sessions.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
