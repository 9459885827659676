import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Work that must run in one process at a time: the projections, the relay, the notifier, a scheduler. */
export interface LeasedWork {
  /** Begins from what is stored (checkpoints), never from what this process last had in memory. */
  start(): Promise<void> | void;
  /** Ends the work; resolves when nothing it began is still running. */
  stop(): Promise<void>;
}

export interface LeaseLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Told when this process takes a lease, or gives one up (lost, or on shutdown). */
export interface LeaseListener {
  registered?(part: string): void;
  acquired?(part: string): void;
  released?(part: string, reason: string): void;
}

export interface LeasesOptions {
  readonly connectionString: string;
  /** How often a standby tries to take a lease, and a holder proves its connection alive (LEASE_POLL_MS). */
  readonly pollMs: number;
  readonly logger?: LeaseLogger;
}

/**
 * An advisory lock's two keys: the database (advisory locks are shared by the whole server, and two
 * deployments, or two test suites, may keep their read models in two databases of one server) and
 * the part, each hashed to a 32-bit integer.
 */
export function leaseKeys(database: string, part: string): [number, number] {
  const hash = (text: string) => createHash('sha256').update(text).digest().readInt32BE(0);
  return [hash(`ruamjai-lease-database:${database}`), hash(`ruamjai-lease:${part}`)];
}

interface Part {
  readonly name: string;
  readonly work: LeasedWork;
  held: boolean;
  /** The work's starts and stops, one after the other: a part never starts before its last stop ended. */
  transition: Promise<void>;
}

/**
 * Single-active work across processes, with PostgreSQL session advisory locks on one dedicated
 * connection per process (`pg_try_advisory_lock`), chosen over a lease table with expiry because the
 * server itself releases a session's locks the moment the session ends: a holder killed with SIGKILL
 * closes its socket and a standby takes over at its next poll, with no expiry to wait out and no
 * clock to trust.
 *
 * Fencing: a holder stops its parts at once when the lease connection reports an error or its end,
 * and when the connection has not answered for `5 × pollMs` (a partition that neither side has
 * noticed yet). The session sets `idle_session_timeout` to `10 × pollMs`, so the server ends a
 * silent session, and releases its locks, only after the holder has stopped on its own. A commit in
 * flight when a lease goes is harmless: every part's transaction locks its checkpoint row and skips
 * what another process already moved past. A holder that lost its connection waits three polls
 * (a healthy standby goes first), reconnects and stands by again; a part starts anew from its stored checkpoint wherever it is taken.
 */
export class Leases {
  private readonly parts = new Map<string, Part>();
  private client: Client | undefined;
  /** The database the lease connection is on, which scopes every key. */
  private database = '';
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  /** When the last query that succeeded on the lease connection was sent (ms, this process's clock). */
  private answeredAt = 0;
  private closed = false;
  /** A process that lost its connection waits this long (ms since the epoch) before trying again. */
  private backOffUntil = 0;
  private readonly listeners: LeaseListener[] = [];

  constructor(private readonly options: LeasesOptions) {}

  /** Tells `listener` of every part registered, taken and given up from now on (for metrics). */
  listen(listener: LeaseListener): void {
    this.listeners.push(listener);
    for (const part of this.parts.keys()) listener.registered?.(part);
  }

  /** Runs `work` whenever this process holds the part's lease; tries at once, then every poll. */
  run(part: string, work: LeasedWork): void {
    if (this.parts.has(part)) throw new Error(`lease ${part} is already registered`);
    this.parts.set(part, { name: part, work, held: false, transition: Promise.resolve() });
    for (const l of this.listeners) l.registered?.(part);
    if (this.closed) return;
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.options.pollMs);
      this.timer.unref();
    }
    this.tick();
  }

  /** Stops the part here if it runs here, gives its lease back, and no longer tries for it. */
  async release(part: string): Promise<void> {
    const entry = this.parts.get(part);
    if (!entry) return;
    this.parts.delete(part);
    while (this.round) await this.round;
    if (entry.held) {
      this.giveUp(entry, 'released');
      await entry.transition;
      await this.client?.query('select pg_advisory_unlock($1, $2)', this.keys(part)).catch(() => undefined);
    }
    await entry.transition;
  }

  /** Whether this process holds the part's lease now. */
  holds(part: string): boolean {
    return this.parts.get(part)?.held ?? false;
  }

  /** The parts this process runs, and those it stands by for. */
  status(): { held: string[]; standingBy: string[] } {
    const all = [...this.parts.values()];
    return {
      held: all.filter((p) => p.held).map((p) => p.name),
      standingBy: all.filter((p) => !p.held).map((p) => p.name),
    };
  }

  /** Stops every part held here, then ends the connection, which gives every lease back at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    while (this.round) await this.round;
    for (const part of this.parts.values()) if (part.held) this.giveUp(part, 'shutting down');
    await Promise.all([...this.parts.values()].map((p) => p.transition));
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private tick(): void {
    const held = [...this.parts.values()].some((p) => p.held);
    if (held && this.client && Date.now() - this.answeredAt > this.options.pollMs * 5)
      this.fence('the lease connection did not answer in time');
    if (this.round || this.closed || Date.now() < this.backOffUntil) return;
    this.round = this.poll()
      .catch((error: unknown) => this.fence(`the lease connection failed: ${message(error)}`))
      .finally(() => {
        this.round = undefined;
      });
  }

  /** One round: connects if need be, tries for each lease not held, and proves the connection alive. */
  private async poll(): Promise<void> {
    const client = this.client ?? (await this.connect());
    if (!client) return;
    const sentAt = Date.now();
    let asked = false;
    for (const part of [...this.parts.values()]) {
      if (part.held || this.closed || this.client !== client) continue;
      await part.transition;
      const { rows } = await client.query<{ ok: boolean }>(
        'select pg_try_advisory_lock($1, $2) as ok',
        this.keys(part.name),
      );
      asked = true;
      if (!rows[0]?.ok) continue;
      // Released or fenced while we asked: give the lock back rather than run on a lost connection.
      if (this.client !== client || !this.parts.has(part.name) || this.closed) {
        await client.query('select pg_advisory_unlock($1, $2)', this.keys(part.name));
        continue;
      }
      part.held = true;
      this.answeredAt = sentAt;
      this.options.logger?.info({ part: part.name }, 'lease taken: this process runs the part');
      for (const l of this.listeners) l.acquired?.(part.name);
      // Started beside the rounds, not inside one: a slow start must not hold back the heartbeat.
      part.transition = part.transition
        .then(() => part.work.start())
        .catch(async (error: unknown) => {
          this.options.logger?.warn({ part: part.name, err: message(error) }, 'part could not start; lease given back');
          if (!part.held) return;
          this.giveUp(part, 'could not start');
          if (this.client === client)
            await client.query('select pg_advisory_unlock($1, $2)', this.keys(part.name)).catch(() => undefined);
        });
    }
    if (!asked) await client.query('select 1');
    if (this.client === client) this.answeredAt = sentAt;
  }

  private async connect(): Promise<Client | undefined> {
    const client = new Client({
      connectionString: this.options.connectionString,
      keepAlive: true,
      // A query on a connection cut off without a word fails instead of waiting for TCP to give up.
      query_timeout: this.options.pollMs * 5,
      application_name: 'ruamjai-lease',
    });
    // An error or the end of the session ends every lease it held: stop at once, before asking why.
    client.on('error', (error) => this.lost(client, `the lease connection failed: ${error.message}`));
    client.on('end', () => this.lost(client, 'the lease connection ended'));
    try {
      await client.connect();
      await client.query(`set idle_session_timeout = ${this.options.pollMs * 10}`);
      const { rows } = await client.query<{ name: string }>('select current_database() as name');
      this.database = rows[0].name;
    } catch (error) {
      this.options.logger?.warn({ err: message(error) }, 'could not open the lease connection; trying again');
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      return undefined;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return undefined;
    }
    this.client = client;
    this.answeredAt = Date.now();
    return client;
  }

  private keys(part: string): [number, number] {
    return leaseKeys(this.database, part);
  }

  private lost(client: Client, reason: string): void {
    if (this.client === client) this.fence(reason);
  }

  /** Stops every part held here now and drops the connection; the next round reconnects and stands by. */
  private fence(reason: string): void {
    const client = this.client;
    this.client = undefined;
    // The process whose connection failed is the suspect one: a healthy standby gets the first turns.
    this.backOffUntil = Date.now() + this.options.pollMs * 3;
    const held = [...this.parts.values()].filter((p) => p.held);
    if (held.length > 0)
      this.options.logger?.warn({ parts: held.map((p) => p.name), reason }, 'lease lost: stopping the parts here');
    for (const part of held) this.giveUp(part, reason);
    if (client) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
    }
  }

  private giveUp(part: Part, reason: string): void {
    if (!part.held) return;
    part.held = false;
    for (const l of this.listeners) l.released?.(part.name, reason);
    part.transition = part.transition
      .then(() => part.work.stop())
      .catch((error: unknown) =>
        this.options.logger?.warn({ part: part.name, err: message(error) }, 'part stop failed'),
      );
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts work that must run in one process at a time: under its lease where leases are kept
 * (PostgreSQL read models, `leases` given), at once where there is one process (the embedded default).
 */
export async function startSingleActive(leases: Leases | null, part: string, work: LeasedWork): Promise<void> {
  if (leases) leases.run(part, work);
  else await work.start();
}

/** Stops what `startSingleActive` started: gives the lease back (stopping the work if it runs here), or stops it. */
export async function stopSingleActive(leases: Leases | null, part: string, work: LeasedWork): Promise<void> {
  if (leases) await leases.release(part);
  else await work.stop();
}
