import { changePassword } from '../user/change-password/change-password.handler';
import { needsSecondFactor } from '../user/user.values';
import type { Accounts } from './accounts';
import { ChallengeInvalid, readChallenge } from './challenges';
import { offerEnrolment } from './second-factor';
import { attempt, type SignInOutcome } from './sign-in-attempt';

/** First sign-in: the one-time password is replaced; then the second factor is enrolled, or the session starts. */
export async function completePasswordChange(
  accounts: Accounts,
  challengeToken: string,
  newPassword: string,
  client: string,
  correlationId: string,
): Promise<SignInOutcome> {
  const challenge = await readChallenge(accounts, challengeToken, 'password_change');
  const { user } = await accounts.users.load(challenge.username);
  if (!user) throw new ChallengeInvalid();
  const outcome = await changePassword(accounts.users, user, newPassword, correlationId, challenge.revision);
  if (needsSecondFactor(user.role) && !user.sealedSecret) return offerEnrolment(accounts, user, outcome.revision);
  return attempt(accounts, user, { passwordValid: true, secondFactor: 'not_required' }, client, correlationId);
}
