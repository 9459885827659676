import type { ThrottlerStorage } from '@nestjs/throttler';
import { isSqlite } from '@ruamjai/read-models';
import { sql, type Kysely, type Migration } from 'kysely';

interface Window {
  startedAt: number;
  hits: number;
  blockedUntil: number;
}

/**
 * Fixed-window counters for @nestjs/throttler: O(1) a request. The default storage keeps every
 * hit's expiry and filters the list on each request, which costs more than the request itself
 * once a client is busy.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep = Date.now();

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const now = this.now();
    this.sweep(now, ttl);
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || now - window.startedAt >= ttl) {
      window = { startedAt: now, hits: 0, blockedUntil: window && window.blockedUntil > now ? window.blockedUntil : 0 };
      this.windows.set(id, window);
    }
    if (window.blockedUntil <= now) window.hits += 1;
    if (window.hits > limit && window.blockedUntil <= now) window.blockedUntil = now + blockDuration;
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.startedAt + ttl - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  private sweep(now: number, ttl: number): void {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    for (const [id, window] of this.windows) {
      if (now - window.startedAt >= ttl && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}

export type RateLimitTables = {
  rate_limit_windows: { id: string; started_at: string; hits: number; blocked_until: string };
};

export const rateLimitMigrations: Record<string, Migration> = {
  '0500-rate-limit-windows': {
    async up(db: Kysely<unknown>) {
      // Only replicas on PostgreSQL share windows; the embedded default counts in memory.
      if (isSqlite(db)) return;
      await db.schema
        .createTable('rate_limit_windows')
        .ifNotExists()
        .addColumn('id', 'varchar(300)', (c) => c.primaryKey())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('blocked_until', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

/**
 * The same fixed windows in PostgreSQL, for API replicas behind one balancer: a client's hits count
 * once across every replica. Each request is one atomic upsert of its window's row (the row lock
 * orders concurrent hits), computing what the in-memory storage computes. Times are the replicas'
 * clocks, which NTP keeps within far less than a window. When the database does not answer, a
 * replica counts on its own rather than refusing or failing the request.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly db: Kysely<RateLimitTables>;
  private readonly local: FixedWindowThrottlerStorage;
  private lastSweep: number;
  private failing = false;

  constructor(
    db: Kysely<unknown>,
    private readonly now: () => number = Date.now,
    /** Told when the database stops answering (once, until it answers again). */
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {
    this.db = db as Kysely<RateLimitTables>;
    this.local = new FixedWindowThrottlerStorage(now);
    this.lastSweep = now();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const now = this.now();
    // PostgreSQL text holds no NUL: the in-memory separator cannot be used here.
    const id = `${throttlerName}\u001f${key}`;
    let row: { started_at: string; hits: number; blocked_until: string };
    try {
      await this.sweep(now, ttl);
      row = await this.hit(id, now, ttl, limit, blockDuration);
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.onFailure(error);
      this.failing = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const startedAt = Number(row.started_at);
    const blockedUntil = Number(row.blocked_until);
    const isBlocked = blockedUntil > now;
    return {
      totalHits: row.hits,
      timeToExpire: Math.ceil((startedAt + ttl - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((blockedUntil - now) / 1000) : 0,
    };
  }

  /**
   * One hit, in one statement: an expired window starts again (a block outlives it), a blocked
   * client's hits are not counted, and the hit past the limit starts the block.
   */
  private async hit(id: string, now: number, ttl: number, limit: number, blockDuration: number) {
    const n = sql.lit(now);
    const expired = sql`${n} - w.started_at >= ${sql.lit(ttl)}`;
    const blocked = sql`w.blocked_until > ${n}`;
    const base = sql`(case when ${expired} then 0 else w.hits end)`;
    const first = 1 > limit ? now + blockDuration : 0;
    const { rows } = await sql<{ started_at: string; hits: number; blocked_until: string }>`
      insert into rate_limit_windows as w (id, started_at, hits, blocked_until)
      values (${id}, ${n}, 1, ${sql.lit(first)})
      on conflict (id) do update set
        started_at = case when ${expired} then ${n} else w.started_at end,
        hits = case when ${blocked} then ${base} else ${base} + 1 end,
        blocked_until = case
          when ${blocked} then w.blocked_until
          when ${base} + 1 > ${sql.lit(limit)} then ${sql.lit(now + blockDuration)}
          else 0 end
      returning started_at, hits, blocked_until`.execute(this.db);
    return rows[0];
  }

  /** Windows long over (and no longer blocking) go, once a window per replica. */
  private async sweep(now: number, ttl: number): Promise<void> {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    await this.db
      .deleteFrom('rate_limit_windows')
      .where('started_at', '<=', String(now - ttl))
      .where('blocked_until', '<=', String(now))
      .execute();
  }
}
