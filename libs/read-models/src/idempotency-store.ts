import { sql, type Kysely } from 'kysely';
import type { CoreTables } from './read-model-db';
import { processGone, THIS_PROCESS } from './process-identity';

export interface StoredResponse {
  readonly requestHash: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export type Reservation =
  | { readonly kind: 'reserved' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in_progress' };

const PENDING = 0;

/**
 * Idempotency records: a key is reserved before its request runs, so concurrent requests with one
 * key run once; the first successful response is kept and replayed. A reservation names the process
 * that holds it: one left by a process known to be gone (killed and restarted on this host) is taken
 * over at once; one held by a process that cannot be seen (another host) after `leaseMs`.
 */
export class IdempotencyStore {
  constructor(
    private readonly db: Kysely<CoreTables>,
    /** Whether this store owns its database and closes it. */
    private readonly owned = false,
    private readonly leaseMs = 30_000,
    private readonly self: string = THIS_PROCESS,
  ) {}

  async close(): Promise<void> {
    if (this.owned) await this.db.destroy();
  }

  async reserve(scope: string, key: string, requestHash: string, at: Date): Promise<Reservation> {
    const inserted = await this.db
      .insertInto('idempotency_records')
      .values({
        scope,
        key,
        request_hash: requestHash,
        status: PENDING,
        headers: '{}',
        body: 'null',
        created_at: at.toISOString(),
        owner: this.self,
      })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { kind: 'reserved' };
    const row = await this.db
      .selectFrom('idempotency_records')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return this.reserve(scope, key, requestHash, at);
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.status !== PENDING) {
      return {
        kind: 'replay',
        response: {
          requestHash: row.request_hash,
          status: row.status,
          headers: JSON.parse(row.headers) as Record<string, string>,
          body: JSON.parse(row.body),
        },
      };
    }
    const ownerGone = row.owner !== null && row.owner !== this.self && processGone(row.owner);
    if (!ownerGone && at.getTime() - Date.parse(row.created_at) < this.leaseMs) return { kind: 'in_progress' };
    const taken = await this.db
      .updateTable('idempotency_records')
      .set({ created_at: at.toISOString(), owner: this.self })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('status', '=', PENDING)
      .where('created_at', '=', row.created_at)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1 ? { kind: 'reserved' } : { kind: 'in_progress' };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.db
      .updateTable('idempotency_records')
      .set({ status: response.status, headers: JSON.stringify(response.headers), body: JSON.stringify(response.body) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
  }

  /** A request that failed changed nothing: its key is free for a retry. */
  async release(scope: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_records')
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('status', '=', PENDING)
      .execute();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}
