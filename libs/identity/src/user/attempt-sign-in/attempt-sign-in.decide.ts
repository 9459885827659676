import type { UserEvent } from '../user.events';
import { known } from '../user.guards';
import type { UserState } from '../user.state';
import type { SignInFailure } from '../user.values';
import type { AttemptSignIn, LockoutPolicy } from './attempt-sign-in.command';

/** How long the account stays locked after `failures` in a row: doubling from the base, capped. */
export function lockoutSeconds(failures: number, policy: LockoutPolicy): number {
  const extra = Math.max(0, failures - policy.maxFailures);
  return Math.min(policy.baseSeconds * 2 ** Math.min(extra, 30), policy.maxSeconds);
}

export function decideAttemptSignIn(command: AttemptSignIn, state: UserState): UserEvent[] {
  const { username, check, sessionId, policy, client } = command.data;
  const user = known(state, username);
  const failed = (reason: SignInFailure, consecutiveFailures: number): UserEvent => ({
    type: 'UserSignInFailed',
    data: { username, reason, consecutiveFailures, client },
  });
  if (user.status === 'inactive') return [failed('inactive', user.consecutiveFailures)];
  if (user.lockedUntil && Date.parse(user.lockedUntil) > command.at.getTime())
    return [failed('locked_out', user.consecutiveFailures)];
  const reason: SignInFailure | null = !check.passwordValid
    ? 'bad_password'
    : check.secondFactor === 'invalid'
      ? 'bad_second_factor'
      : check.secondFactor === 'missing'
        ? 'second_factor_missing'
        : null;
  if (reason === null) return [{ type: 'UserSignedIn', data: { username, sessionId, client } }];
  const failures = user.consecutiveFailures + 1;
  const events: UserEvent[] = [failed(reason, failures)];
  if (failures >= policy.maxFailures) {
    const until = new Date(command.at.getTime() + lockoutSeconds(failures, policy) * 1000).toISOString();
    events.push({ type: 'UserLockedOut', data: { username, until, consecutiveFailures: failures } });
  }
  return events;
}
