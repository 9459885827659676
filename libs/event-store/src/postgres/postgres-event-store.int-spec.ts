import { freshPostgresDatabase, postgresServerUrl } from '../../../../test/support/postgres';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

// The integration run's global setup starts a real PostgreSQL (or takes DATABASE_URL). Without one
// the suite reports itself skipped, which a CI run (REQUIRE_INFRA=1) counts as a failure.
const server = postgresServerUrl();

if (server) {
  describeEventStoreContract('PostgreSQL', async () => {
    const database = await freshPostgresDatabase(server);
    const open = () => PostgresEventStore.open({ connectionString: database.url });
    let store = await open();
    return {
      store,
      reopen: async () => {
        await store.close();
        store = await open();
        return store;
      },
      dispose: async () => {
        await store.close();
        await database.drop();
      },
    };
  });
} else {
  describe('event store contract: PostgreSQL', () => {
    it.skip("needs the test run's PostgreSQL (started by the global setup, or DATABASE_URL)", () => undefined);
  });
}
