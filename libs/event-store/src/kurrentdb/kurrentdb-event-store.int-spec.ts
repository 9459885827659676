import { loadConfig } from '@ruamjai/config';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// No KurrentDB server can run on the build machines; the same contract runs wherever one is given.
const connectionString = loadConfig().eventStoreConnectionString;

if (connectionString) {
  describeEventStoreContract('KurrentDB', async () => {
    let store = KurrentDbEventStore.connect(connectionString);
    return {
      store,
      reopen: async () => {
        await store.close();
        store = KurrentDbEventStore.connect(connectionString);
        return store;
      },
      dispose: () => store.close(),
    };
  });
} else {
  describe('event store contract: KurrentDB', () => {
    it.skip('runs when EVENTSTORE_CONNECTION_STRING is set (see README)', () => undefined);
  });
}
