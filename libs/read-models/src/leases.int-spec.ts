import { Client } from 'pg';
import { freshPostgresDatabase, postgresServerUrl } from '../../../test/support/postgres';
import { Leases, type LeasedWork } from './leases';

// The integration run's global setup starts a real PostgreSQL (or takes DATABASE_URL). Without one
// the suite reports itself skipped, which a CI run (REQUIRE_INFRA=1) counts as a failure.
const server = postgresServerUrl();
const POLL_MS = 100;

/** Work that records who runs it, and fails the test the moment two run it at once. */
class Ledger {
  running: string[] = [];
  starts: string[] = [];
  overlaps = 0;

  work(holder: string, stopDelayMs = 0): LeasedWork {
    return {
      start: () => {
        if (this.running.length > 0) this.overlaps++;
        this.running.push(holder);
        this.starts.push(holder);
      },
      stop: async () => {
        if (stopDelayMs > 0) await new Promise((r) => setTimeout(r, stopDelayMs));
        this.running = this.running.filter((h) => h !== holder);
      },
    };
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The backend process that holds the part's lease, seen from another connection. */
async function holderBackend(url: string): Promise<number | undefined> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_locks where locktype = 'advisory' and granted
         and database = (select oid from pg_database where datname = current_database())`,
    );
    return rows[0]?.pid;
  } finally {
    await admin.end();
  }
}

async function onAdmin(url: string, query: string, values: unknown[]): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(query, values);
  await admin.end();
}

(server ? describe : describe.skip)('leases on PostgreSQL advisory locks', () => {
  let database: { url: string; drop(): Promise<void> };
  const opened: Leases[] = [];
  const leases = () => {
    const l = new Leases({ connectionString: database.url, pollMs: POLL_MS });
    opened.push(l);
    return l;
  };

  beforeAll(async () => {
    database = await freshPostgresDatabase(server!);
  });
  afterEach(async () => {
    for (const l of opened.splice(0)) await l.close();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('runs a part in one holder while the other stands by for it', async () => {
    const ledger = new Ledger();
    const first = leases();
    const second = leases();
    first.run('projections', ledger.work('first'));
    await until(() => first.holds('projections'));
    second.run('projections', ledger.work('second'));
    await new Promise((r) => setTimeout(r, POLL_MS * 5));
    expect(ledger.running).toEqual(['first']);
    expect(second.status()).toEqual({ held: [], standingBy: ['projections'] });
    expect(first.status()).toEqual({ held: ['projections'], standingBy: [] });
  });

  it('hands the part over within a poll or two when the holder shuts down, never running it twice', async () => {
    const ledger = new Ledger();
    const first = leases();
    const second = leases();
    first.run('relay', ledger.work('first', 300));
    await until(() => first.holds('relay'));
    second.run('relay', ledger.work('second'));
    const closedAt = Date.now();
    await first.close();
    await until(() => ledger.running.includes('second'), 5000);
    expect(Date.now() - closedAt).toBeLessThan(300 + POLL_MS * 5);
    expect(ledger.starts).toEqual(['first', 'second']);
    expect(ledger.overlaps).toBe(0);
  });

  it('stops the part at once when the lease connection ends, and the standby takes it over', async () => {
    const ledger = new Ledger();
    const first = leases();
    const second = leases();
    first.run('notifier', ledger.work('first'));
    await until(() => first.holds('notifier'));
    second.run('notifier', ledger.work('second'));
    await new Promise((r) => setTimeout(r, POLL_MS * 3));

    // The server ends the holder's session (what it does when the holder dies): the lock goes with it.
    await onAdmin(database.url, 'select pg_terminate_backend($1)', [await holderBackend(database.url)]);
    await until(() => ledger.running.includes('second'), 5000);
    expect(first.holds('notifier')).toBe(false);
    expect(ledger.overlaps).toBe(0);
    // The one that lost it reconnects and stands by; the lease comes back to it when the other goes.
    await until(() => first.status().standingBy.includes('notifier'));
    await second.close();
    await until(() => ledger.running.includes('first'), 5000);
    expect(ledger.starts).toEqual(['first', 'second', 'first']);
    expect(ledger.overlaps).toBe(0);
  });

  it('stops the part when its lease connection stops answering, before the server lets anyone else take it', async () => {
    const backendIsHere = ['127.0.0.1', 'localhost'].includes(new URL(database.url).hostname);
    if (!backendIsHere) return; // the server's backend must be a process of this host to be paused
    const ledger = new Ledger();
    const first = leases();
    const second = leases();
    first.run('scheduler', ledger.work('first'));
    await until(() => first.holds('scheduler'));
    second.run('scheduler', ledger.work('second'));
    const backend = (await holderBackend(database.url))!;
    // A cut-off connection: the holder's queries get no answer, and its session keeps the lock.
    process.kill(backend, 'SIGSTOP');
    try {
      await until(() => !first.holds('scheduler'), POLL_MS * 10);
      expect(ledger.running).toEqual([]);
      expect(second.holds('scheduler')).toBe(false);
    } finally {
      process.kill(backend, 'SIGCONT');
    }
    // The session then ends (the holder closed its side): the standby takes over.
    await until(() => ledger.running.includes('second'), 5000);
    expect(ledger.overlaps).toBe(0);
  });

  it('gives the lease back when the part cannot start, so another process may run it', async () => {
    const first = leases();
    const second = leases();
    let attempts = 0;
    first.run('projections', {
      start: () => {
        attempts++;
        throw new Error('read models away');
      },
      stop: async () => undefined,
    });
    await until(() => attempts > 0);
    const ledger = new Ledger();
    second.run('projections', ledger.work('second'));
    await until(() => ledger.running.includes('second') || attempts > 5, 5000);
    // The two compete fairly: either the working one took it, or the failing one keeps giving it back.
    await until(() => ledger.running.includes('second'), 10_000);
    expect(first.holds('projections')).toBe(false);
  });
});
