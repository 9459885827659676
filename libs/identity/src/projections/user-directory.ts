import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata, Role } from '@ruamjai/kernel';
import type { CoreTables, Projection, ReadModelDb } from '@ruamjai/read-models';
import type { Kysely, Migration, Transaction } from 'kysely';
import type { UserEvent } from '../user/user.events';
import { DEFAULT_NOTIFICATION_PREFERENCES, needsSecondFactor, type NotificationPreferences } from '../user/user.values';

/** A user as the secretariat's list shows it: never a hash or a secret. */
export interface UserView {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: string;
  /** The person's province; null for accounts registered before provinces (the deployment's). */
  readonly province: string | null;
  readonly active: boolean;
  readonly mustChangePassword: boolean;
  readonly secondFactorRequired: boolean;
  readonly secondFactorEnrolled: boolean;
  readonly lockedUntil: string | null;
  readonly lastSignInAt: string | null;
  readonly notifications: NotificationPreferences;
  /** Signs in through the OpenID provider (its issuer); null for the directory's own passwords. */
  readonly provider?: string | null;
  readonly revision: number;
  readonly updatedAt: string;
}

export type UserTables = { user_directory: { username: string; doc: string } };

export const userDirectoryMigrations: Record<string, Migration> = {
  '0310-user-directory': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('user_directory')
        .ifNotExists()
        .addColumn('username', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/** user + event -> user: pure. */
export function evolveUserView(
  view: UserView | undefined,
  event: UserEvent,
  revision: number,
  at: string,
): UserView | undefined {
  if (event.type === 'UserRegistered') {
    const { username, displayName, role, agency, province } = event.data;
    return {
      username,
      displayName,
      role,
      agency,
      province: province ?? null,
      active: true,
      mustChangePassword: true,
      secondFactorRequired: needsSecondFactor(role),
      secondFactorEnrolled: false,
      lockedUntil: null,
      lastSignInAt: null,
      notifications: DEFAULT_NOTIFICATION_PREFERENCES,
      revision,
      updatedAt: at,
    };
  }
  if (event.type === 'UserRegisteredFromProvider') {
    const { username, displayName, role, agency, issuer, province } = event.data;
    return {
      username,
      displayName,
      role,
      agency,
      province: province ?? null,
      active: true,
      mustChangePassword: false,
      // The provider asks for its own second factor; Ruamjai's TOTP is for its passwords.
      secondFactorRequired: false,
      secondFactorEnrolled: false,
      lockedUntil: null,
      lastSignInAt: null,
      notifications: DEFAULT_NOTIFICATION_PREFERENCES,
      provider: issuer,
      revision,
      updatedAt: at,
    };
  }
  if (!view) return view;
  const next = { ...view, revision, updatedAt: at };
  switch (event.type) {
    case 'UserSignedIn':
      return { ...next, lockedUntil: null, lastSignInAt: at };
    case 'UserLockedOut':
      return { ...next, lockedUntil: event.data.until };
    case 'UserPasswordChanged':
      return { ...next, mustChangePassword: false };
    case 'UserPasswordReset':
      return { ...next, mustChangePassword: true, lockedUntil: null };
    case 'UserSecondFactorEnrolled':
      return { ...next, secondFactorEnrolled: true };
    case 'UserRoleChanged':
      return {
        ...next,
        role: event.data.role,
        agency: event.data.agency,
        secondFactorRequired: view.provider ? false : needsSecondFactor(event.data.role),
      };
    case 'UserDeactivated':
      return { ...next, active: false };
    case 'UserNotificationPreferencesSet': {
      const { inConsole, email, dailyDigest } = event.data;
      return { ...next, notifications: { inConsole, email, dailyDigest } };
    }
    case 'UserSignedInThroughProvider':
      return { ...next, lastSignInAt: at };
    case 'UserLinkedToProvider':
      return { ...next, provider: event.data.issuer };
    case 'UserDisplayNameChanged':
      return { ...next, displayName: event.data.displayName };
    case 'UserSignInFailed':
    case 'UserSignedOut':
    case 'UserProviderSignInRefused':
      return next;
    default: {
      const _: never = event;
      return view;
    }
  }
}

type Trx = Transaction<CoreTables & UserTables>;

/** The centre's user directory, one row a person. */
export const userDirectoryProjection: Projection = {
  name: 'user-directory',
  handles: (event: RecordedEvent) => event.streamId.startsWith('user-'),
  begin(base) {
    const trx = base as unknown as Trx;
    const views = new Map<string, UserView | undefined>();
    return {
      async apply(events) {
        const names = [...new Set(events.map((e) => (e.data as { username: string }).username))].filter(
          (u) => !views.has(u),
        );
        if (names.length > 0) {
          const rows = await trx
            .selectFrom('user_directory')
            .select(['username', 'doc'])
            .where('username', 'in', names)
            .execute();
          for (const name of names) views.set(name, undefined);
          for (const row of rows) views.set(row.username, readView(row.doc));
        }
        for (const event of events) {
          const username = (event.data as { username: string }).username;
          const at = ((event.metadata ?? {}) as Partial<EventMetadata>).occurredAt ?? event.created.toISOString();
          views.set(
            username,
            evolveUserView(views.get(username), event as unknown as UserEvent, Number(event.revision), at),
          );
        }
      },
      async flush() {
        for (const view of views.values()) {
          if (!view) continue;
          await trx
            .insertInto('user_directory')
            .values({ username: view.username, doc: JSON.stringify(view) })
            .onConflict((oc) => oc.column('username').doUpdateSet({ doc: JSON.stringify(view) }))
            .execute();
        }
      },
    };
  },
  async reset(base) {
    await (base as unknown as Trx).deleteFrom('user_directory').execute();
  },
};

export const identityProjections: readonly Projection[] = [userDirectoryProjection];

/** A stored row; one written before preferences existed reads with the default (the bell only). */
const readView = (doc: string): UserView => {
  const view = JSON.parse(doc) as Omit<UserView, 'notifications'> & { notifications?: NotificationPreferences };
  return { ...view, notifications: view.notifications ?? DEFAULT_NOTIFICATION_PREFERENCES };
};

export async function listUsers(db: ReadModelDb): Promise<UserView[]> {
  return (
    await (db as unknown as Kysely<UserTables>).selectFrom('user_directory').select('doc').orderBy('username').execute()
  ).map((r) => readView(r.doc));
}
