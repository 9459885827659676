import type { Role } from '@ruamjai/kernel';
import { issueToken } from '@ruamjai/security';
import type { KnownUser } from '../user/user.state';
import type { Accounts } from './accounts';

export interface IssuedSession {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly sessionId: string;
  readonly user: {
    readonly username: string;
    readonly displayName: string;
    readonly role: Role;
    readonly agency: string;
    readonly province: string;
  };
}

/** A short-lived access token for a session, beside its refresh token. */
export async function issueSession(
  { key, settings }: Accounts,
  user: KnownUser,
  sessionId: string,
  refreshToken: string,
): Promise<IssuedSession> {
  const accessToken = await issueToken(
    key,
    {
      sub: user.username,
      agency: user.agency,
      role: user.role,
      province: user.province,
      ttlSeconds: settings.accessTokenTtlSeconds,
      sessionId,
      name: user.displayName,
    },
    settings.issuer,
    settings.audience,
  );
  return {
    accessToken,
    expiresIn: settings.accessTokenTtlSeconds,
    refreshToken,
    sessionId,
    user: {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      agency: user.agency,
      province: user.province,
    },
  };
}

/** A new access token for a live session, rotating the refresh token. */
export async function refreshSession(accounts: Accounts, refreshToken: string): Promise<IssuedSession | undefined> {
  const { sessions, clock, users } = accounts;
  const rotated = await sessions.rotate(refreshToken, clock.now());
  if (rotated.kind !== 'rotated') return undefined;
  const { user } = await users.load(rotated.username);
  if (!user || user.status !== 'active') {
    await sessions.revoke(rotated.sessionId, clock.now(), 'inactive');
    return undefined;
  }
  return issueSession(accounts, user, rotated.sessionId, rotated.refreshToken);
}
