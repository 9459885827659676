import { randomUUID } from 'node:crypto';
import { attemptSignIn } from '../user/attempt-sign-in/attempt-sign-in.handler';
import type { SignInCheck } from '../user/user.commands';
import type { UserEvent } from '../user/user.events';
import type { KnownUser } from '../user/user.state';
import type { Accounts } from './accounts';
import { issueSession, type IssuedSession } from './session-tokens';

/** What a sign-in step leads to. Failures never say whether the username exists or which factor was wrong. */
export type SignInOutcome =
  | { readonly kind: 'signed_in'; readonly session: IssuedSession }
  | { readonly kind: 'password_change_required'; readonly challenge: string }
  | {
      readonly kind: 'second_factor_enrolment_required';
      readonly challenge: string;
      readonly secret: string;
      readonly otpauthUri: string;
    }
  | { readonly kind: 'failed' }
  | { readonly kind: 'locked_out'; readonly until: string; readonly retryAfterSeconds: number };

/** The attempt as recorded on the person's stream, and what it leads to: a session, a lockout, or a refusal. */
export async function attempt(
  accounts: Accounts,
  user: KnownUser,
  check: SignInCheck,
  client: string,
  correlationId: string,
): Promise<SignInOutcome> {
  const { users, sessions, clock, settings } = accounts;
  const sessionId = randomUUID();
  const outcome = await attemptSignIn(
    users,
    user,
    { check, sessionId, policy: settings.lockout, client },
    correlationId,
  );
  const signedIn = outcome.events.find((e) => e.type === 'UserSignedIn');
  if (signedIn) {
    const { refreshToken } = await sessions.start(
      user.username,
      clock.now(),
      settings.sessionLifetimeSeconds,
      sessionId,
    );
    return { kind: 'signed_in', session: await issueSession(accounts, user, sessionId, refreshToken) };
  }
  const lock = outcome.events.find(
    (e): e is Extract<UserEvent, { type: 'UserLockedOut' }> => e.type === 'UserLockedOut',
  );
  if (lock) return locked(accounts, lock.data.until);
  const failure = outcome.events.find(
    (e): e is Extract<UserEvent, { type: 'UserSignInFailed' }> => e.type === 'UserSignInFailed',
  );
  if (failure?.data.reason === 'locked_out' && user.lockedUntil) return locked(accounts, user.lockedUntil);
  return { kind: 'failed' };
}

function locked({ clock }: Accounts, until: string): SignInOutcome {
  return {
    kind: 'locked_out',
    until,
    retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(until) - clock.now().getTime()) / 1000)),
  };
}
