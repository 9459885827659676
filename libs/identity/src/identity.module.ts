import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CommandRunner } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { PersonalDataVault, PrivacyModule } from '@ruamjai/privacy';
import { migrateReadModels, openSqliteRequests, READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import { loadOrCreateSigningKey, SessionCheck } from '@ruamjai/security';
import type { Kysely } from 'kysely';
import { join } from 'node:path';
import { UserAccounts, type IdentitySettings } from './application/user-accounts';
import { SessionStore, sessionMigrations, type SessionTables } from './sessions/session-store';

export function identitySettings(config: AppConfig): IdentitySettings {
  return {
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
    sessionLifetimeSeconds: config.auth.sessionMaxSeconds,
    lockout: {
      maxFailures: config.auth.lockoutMaxFailures,
      baseSeconds: config.auth.lockoutBaseSeconds,
      maxSeconds: config.auth.lockoutMaxSeconds,
    },
    totpIssuer: config.auth.totpIssuer,
    deploymentProvince: config.deploymentProvince,
    linkExistingAccounts: config.oidc?.linkExistingAccounts ?? false,
  };
}

/** Sessions beside the read models on PostgreSQL; on the embedded default in sessions.sqlite, synced at every commit. */
export async function openSessionStore(config: AppConfig, db: ReadModelDb): Promise<SessionStore> {
  if (config.databaseUrl) return new SessionStore(db as unknown as Kysely<SessionTables>, false);
  const file = openSqliteRequests(join(config.dataDir, 'sessions.sqlite'));
  await migrateReadModels(file as unknown as Kysely<unknown>, [sessionMigrations]);
  return new SessionStore(file as unknown as Kysely<SessionTables>, true);
}

@Injectable()
class SessionStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(SessionStore) private readonly sessions: SessionStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.sessions.close();
  }
}

/** The embedded user directory, sign-in and sessions; the guard's session check. */
@Module({
  imports: [PrivacyModule],
  providers: [
    { provide: SessionStore, useFactory: openSessionStore, inject: [APP_CONFIG, READ_MODEL_DB] },
    {
      provide: SessionCheck,
      useFactory: (sessions: SessionStore, clock: Clock): SessionCheck => ({
        isActive: (sessionId) => sessions.isActive(sessionId, clock.now()),
      }),
      inject: [SessionStore, CLOCK],
    },
    {
      provide: UserAccounts,
      useFactory: async (
        runner: CommandRunner,
        vault: PersonalDataVault,
        sessions: SessionStore,
        config: AppConfig,
        clock: Clock,
      ) =>
        new UserAccounts(
          runner,
          vault,
          sessions,
          await loadOrCreateSigningKey(config.dataDir),
          clock,
          identitySettings(config),
        ),
      inject: [CommandRunner, PersonalDataVault, SessionStore, APP_CONFIG, CLOCK],
    },
    SessionStoreLifecycle,
  ],
  exports: [SessionStore, SessionCheck, UserAccounts],
})
export class IdentityModule {}
