import type { EventStore } from '../event-store.port';
import type * as Adapter from './kurrentdb-event-store';

/**
 * The KurrentDB adapter, loaded only where the log is in KurrentDB: its gRPC client costs about
 * 30 MB of memory in every process and thread that loads it, and the embedded default never needs it.
 */
export function connectKurrentDb(connectionString: string): EventStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const { KurrentDbEventStore } = require('./kurrentdb-event-store') as typeof Adapter;
  return KurrentDbEventStore.connect(connectionString);
}
