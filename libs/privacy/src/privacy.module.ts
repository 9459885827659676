import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { join } from 'node:path';
import { PostgresKeyStore, SqliteKeyStore, type KeyStore } from './key-store';
import { PersonalDataVault } from './personal-data-vault';

export const KEY_STORE = Symbol('KEY_STORE');

/** The key store file on the embedded default. */
export const keyStoreFile = (dataDir: string): string => join(dataDir, 'keys.sqlite');

export function openKeyStore(config: AppConfig, db: ReadModelDb): KeyStore {
  return config.databaseUrl
    ? new PostgresKeyStore(db as unknown as Kysely<unknown>)
    : new SqliteKeyStore(keyStoreFile(config.dataDir));
}

@Injectable()
class KeyStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(KEY_STORE) private readonly keys: KeyStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}

/** The personal-data vault and its key store, as the configuration chooses it. */
@Global()
@Module({
  providers: [
    { provide: KEY_STORE, useFactory: openKeyStore, inject: [APP_CONFIG, READ_MODEL_DB] },
    {
      provide: PersonalDataVault,
      useFactory: (keys: KeyStore, clock: Clock) => new PersonalDataVault(keys, clock),
      inject: [KEY_STORE, CLOCK],
    },
    KeyStoreLifecycle,
  ],
  exports: [KEY_STORE, PersonalDataVault],
})
export class PrivacyModule {}
