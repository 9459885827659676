import type { Kysely, Migration } from 'kysely';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export type SessionTables = {
  auth_sessions: {
    session_id: string;
    username: string;
    /** SHA-256 of the current refresh token; earlier tokens of the family no longer match. */
    refresh_hash: string;
    created_at: string;
    refreshed_at: string;
    expires_at: string;
    revoked_at: string | null;
    revoked_reason: string | null;
  };
};

export const sessionMigrations: Record<string, Migration> = {
  '0300-auth-sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('auth_sessions')
        .ifNotExists()
        .addColumn('session_id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('username', 'varchar(64)', (c) => c.notNull())
        .addColumn('refresh_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('refreshed_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('revoked_at', 'varchar(40)')
        .addColumn('revoked_reason', 'varchar(40)')
        .execute();
      await db.schema
        .createIndex('auth_sessions_by_user')
        .ifNotExists()
        .on('auth_sessions')
        .column('username')
        .execute();
    },
  },
};

export type RotateOutcome =
  | { readonly kind: 'rotated'; readonly sessionId: string; readonly username: string; readonly refreshToken: string }
  /** An older refresh token came back: someone else holds a copy, so the whole family is revoked. */
  | { readonly kind: 'reused' }
  | { readonly kind: 'invalid' };

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Sign-in sessions: one row a session, holding only the digest of its current refresh token. Each
 * refresh rotates the token; presenting a superseded one revokes the session (refresh-token reuse
 * detection). The guard asks `isActive` on every request that carries a session's access token, so
 * a sign-out or revocation takes effect at once.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<SessionTables>,
    private readonly owned: boolean,
  ) {}

  async close(): Promise<void> {
    if (this.owned) await this.db.destroy();
  }

  async start(
    username: string,
    now: Date,
    lifetimeSeconds: number,
    sessionId: string = randomUUID(),
  ): Promise<{ sessionId: string; refreshToken: string }> {
    const refreshToken = `${sessionId}.${randomBytes(32).toString('base64url')}`;
    await this.db
      .insertInto('auth_sessions')
      .values({
        session_id: sessionId,
        username,
        refresh_hash: digest(refreshToken),
        created_at: now.toISOString(),
        refreshed_at: now.toISOString(),
        expires_at: new Date(now.getTime() + lifetimeSeconds * 1000).toISOString(),
        revoked_at: null,
        revoked_reason: null,
      })
      .execute();
    return { sessionId, refreshToken };
  }

  async rotate(refreshToken: string, now: Date): Promise<RotateOutcome> {
    const sessionId = refreshToken.split('.')[0];
    if (!sessionId || !/^[0-9a-f-]{36}$/.test(sessionId)) return { kind: 'invalid' };
    const row = await this.db
      .selectFrom('auth_sessions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!row || row.revoked_at || Date.parse(row.expires_at) <= now.getTime()) return { kind: 'invalid' };
    if (!sameDigest(row.refresh_hash, digest(refreshToken))) {
      await this.revoke(sessionId, now, 'refresh_token_reused');
      return { kind: 'reused' };
    }
    const next = `${sessionId}.${randomBytes(32).toString('base64url')}`;
    const updated = await this.db
      .updateTable('auth_sessions')
      .set({ refresh_hash: digest(next), refreshed_at: now.toISOString() })
      .where('session_id', '=', sessionId)
      .where('refresh_hash', '=', row.refresh_hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    // Two refreshes raced with one token: the loser presented a token that is now superseded.
    if (Number(updated.numUpdatedRows) !== 1) return { kind: 'invalid' };
    return { kind: 'rotated', sessionId, username: row.username, refreshToken: next };
  }

  /** The session a refresh token names, if it is the current token of a live session. */
  async sessionOf(refreshToken: string, now: Date): Promise<{ sessionId: string; username: string } | undefined> {
    const sessionId = refreshToken.split('.')[0];
    if (!sessionId) return undefined;
    const row = await this.db
      .selectFrom('auth_sessions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (
      !row ||
      row.revoked_at ||
      Date.parse(row.expires_at) <= now.getTime() ||
      !sameDigest(row.refresh_hash, digest(refreshToken))
    )
      return undefined;
    return { sessionId, username: row.username };
  }

  async revoke(sessionId: string, now: Date, reason: string): Promise<void> {
    await this.db
      .updateTable('auth_sessions')
      .set({ revoked_at: now.toISOString(), revoked_reason: reason })
      .where('session_id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Every live session of a person: after a role change, a reset or a deactivation. */
  async revokeAllOf(username: string, now: Date, reason: string): Promise<number> {
    const result = await this.db
      .updateTable('auth_sessions')
      .set({ revoked_at: now.toISOString(), revoked_reason: reason })
      .where('username', '=', username)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async isActive(sessionId: string, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('auth_sessions')
      .select(['revoked_at', 'expires_at'])
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return !!row && row.revoked_at === null && Date.parse(row.expires_at) > now.getTime();
  }
}
