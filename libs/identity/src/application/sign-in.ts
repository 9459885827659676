import type { SignInCheck } from '../user/user.commands';
import { userStreamId } from '../user/user.events';
import { needsSecondFactor } from '../user/user.values';
import type { Accounts } from './accounts';
import { issueChallenge } from './challenges';
import { totpCodeValid, verifyPassword } from './credentials';
import { offerEnrolment } from './second-factor';
import { attempt, type SignInOutcome } from './sign-in-attempt';

/** Password (and TOTP code, for the roles that need one): a session, the next first-sign-in step, or a refusal. */
export async function signIn(
  accounts: Accounts,
  username: string,
  password: string,
  code: string | undefined,
  client: string,
  correlationId: string,
): Promise<SignInOutcome> {
  const { user, revision } = await accounts.users.load(username);
  const passwordValid = await verifyPassword(user?.passwordHash, password);
  if (!user) return { kind: 'failed' };
  const now = accounts.clock.now();
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime();
  if (passwordValid && !locked && user.status === 'active') {
    if (user.mustChangePassword)
      return {
        kind: 'password_change_required',
        challenge: await issueChallenge(accounts, { username, step: 'password_change', revision }),
      };
    if (needsSecondFactor(user.role) && !user.sealedSecret) return offerEnrolment(accounts, user, revision);
  }
  let secondFactor: SignInCheck['secondFactor'] = 'not_required';
  if (user.sealedSecret) {
    if (!code) secondFactor = 'missing';
    else
      secondFactor = totpCodeValid(
        await accounts.vault.open<string>(userStreamId(username), user.sealedSecret),
        code,
        now,
      )
        ? 'valid'
        : 'invalid';
  }
  return attempt(accounts, user, { passwordValid, secondFactor }, client, correlationId);
}
