/* What the user specs share: the secretariat, a time, a lockout policy, commands and the events of a history. */
import type { Actor } from '@ruamjai/kernel';
import type { LockoutPolicy, SignInCheck, UserCommand } from './user.commands';
import { userDeciderIn } from './user.decider';
import type { UserEvent } from './user.events';

/** The decider of a Sa Kaeo deployment: accounts registered before provinces are Sa Kaeo's. */
export const userDecider = userDeciderIn('TH-27');

export const secretariat: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
export const at = new Date('2019-02-14T03:00:00Z');
export const policy: LockoutPolicy = { maxFailures: 3, baseSeconds: 60, maxSeconds: 3600 };
export const cmd = (type: UserCommand['type'], data: object, when = at) =>
  ({ type, data: { username: 'malee', ...data }, actor: secretariat, at: when }) as UserCommand;
export const signIn = (check: SignInCheck, when = at) =>
  cmd('AttemptSignIn', { check, sessionId: 's1', policy, client: '10.0.0.1' }, when);
export const good: SignInCheck = { passwordValid: true, secondFactor: 'valid' };
export const badPassword: SignInCheck = { passwordValid: false, secondFactor: 'not_required' };

export const registered: UserEvent = {
  type: 'UserRegistered',
  data: {
    username: 'malee',
    displayName: 'มาลี ใจดี',
    role: 'agency_officer',
    agency: 'IMM-SK',
    passwordHash: '$argon2id$x',
  },
};
export const failed = (n: number, reason = 'bad_password' as const): UserEvent => ({
  type: 'UserSignInFailed',
  data: { username: 'malee', reason, consecutiveFailures: n, client: '10.0.0.1' },
});
