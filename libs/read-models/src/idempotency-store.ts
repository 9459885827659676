import type { Kysely } from 'kysely';
import type { CoreTables } from './read-model-db';

export interface StoredResponse {
  readonly requestHash: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** The first response to each (scope, Idempotency-Key), replayed for retries. */
export class IdempotencyStore {
  constructor(private readonly db: Kysely<CoreTables>) {}

  async find(scope: string, key: string): Promise<StoredResponse | undefined> {
    const row = await this.db.selectFrom('idempotency_records').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
    if (!row) return undefined;
    return { requestHash: row.request_hash, status: row.status, headers: JSON.parse(row.headers), body: JSON.parse(row.body) };
  }

  /** Keeps the first record when two retries race: both wrote the same events, so either answer is right. */
  async save(scope: string, key: string, response: StoredResponse, at: Date): Promise<void> {
    await this.db
      .insertInto('idempotency_records')
      .values({
        scope,
        key,
        request_hash: response.requestHash,
        status: response.status,
        headers: JSON.stringify(response.headers),
        body: JSON.stringify(response.body),
        created_at: at.toISOString(),
      })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .execute();
  }
}
