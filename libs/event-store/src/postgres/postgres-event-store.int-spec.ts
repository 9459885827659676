import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { freshPostgresDatabase, postgresServerUrl } from '../../../../test/support/postgres';
import { describeEventStoreContract } from '../contract/event-store.contract';
import type { RecordedEvent, Subscription } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { COMMIT_CHANNEL } from './postgres-schema';

// The integration run's global setup starts a real PostgreSQL (or takes DATABASE_URL). Without one
// the suites report themselves skipped, which a CI run (REQUIRE_INFRA=1) counts as a failure.
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

  describe('the PostgreSQL event store across processes', () => {
    let database: { url: string; drop(): Promise<void> };
    const stores: PostgresEventStore[] = [];
    // Two stores on one database stand for two processes (the API and the worker). A poll this long
    // never fires within a test: whatever arrives came through LISTEN/NOTIFY.
    const open = async () => {
      const store = await PostgresEventStore.open({ connectionString: database.url, pollIntervalMs: 600_000 });
      stores.push(store);
      return store;
    };
    beforeAll(async () => {
      database = await freshPostgresDatabase(server);
    });
    afterAll(async () => {
      for (const store of stores) await store.close();
      await database.drop();
    });
    const event = () => ({ id: randomUUID(), type: 'Happened', data: {} });

    /** Collects what a subscription delivers, as it comes. */
    function consume(subscription: Subscription): RecordedEvent[] {
      const delivered: RecordedEvent[] = [];
      void (async () => {
        for await (const message of subscription) if (message.kind === 'event') delivered.push(message.event);
      })();
      return delivered;
    }

    /** Waits until the subscription has delivered an event at this position; fails after five seconds. */
    async function deliveredAt(delivered: RecordedEvent[], position: bigint): Promise<void> {
      const deadline = Date.now() + 5000;
      while (!delivered.some((e) => e.position === position)) {
        if (Date.now() > deadline) throw new Error(`nothing delivered at position ${position} within 5 s`);
        await new Promise((r) => setTimeout(r, 10));
      }
    }

    it('creates its schema once when several processes start on an empty database at the same time', async () => {
      const [a, b, c] = await Promise.all([open(), open(), open()]);
      await a.append('started-a', [event()], { expected: 'no_stream' });
      await b.append('started-b', [event()], { expected: 'no_stream' });
      expect(await c.headPosition()).toBe(2n);
    });

    it("wakes a subscriber at once for another process's commit, without waiting for its poll", async () => {
      const writer = await open();
      const reader = await open();
      const subscription = reader.subscribeToAll({ from: { after: (await reader.headPosition()) ?? 0n } });
      const delivered = consume(subscription);
      await new Promise((r) => setTimeout(r, 200));
      const written = await writer.append(`notified-${randomUUID()}`, [event()], { expected: 'no_stream' });
      await deliveredAt(delivered, written.position);
      await subscription.unsubscribe();
    });

    it('listens again after its notification connection is cut, and catches up on what it missed', async () => {
      const writer = await open();
      const reader = await open();
      const streamId = `reconnected-${randomUUID()}`;
      const subscription = reader.subscribeToAll({ from: { after: (await reader.headPosition()) ?? 0n } });
      const delivered = consume(subscription);
      await new Promise((r) => setTimeout(r, 200));
      const admin = new Client({ connectionString: database.url });
      await admin.connect();
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
        [`LISTEN ${COMMIT_CHANNEL}`],
      );
      await admin.end();
      expect(rowCount).toBeGreaterThanOrEqual(1);
      const missed = await writer.append(streamId, [event()], { expected: 'no_stream' });
      await deliveredAt(delivered, missed.position);
      // Listening again: the next commit wakes it as before.
      const live = await writer.append(streamId, [event()], { expected: 0n });
      await deliveredAt(delivered, live.position);
      expect(delivered.map((e) => e.position)).toEqual([missed.position, live.position]);
      await subscription.unsubscribe();
    });
  });
} else {
  describe('event store contract: PostgreSQL', () => {
    it.skip("needs the test run's PostgreSQL (started by the global setup, or DATABASE_URL)", () => undefined);
  });
}
