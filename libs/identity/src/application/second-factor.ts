import { enrolSecondFactor } from '../user/enrol-second-factor/enrol-second-factor.handler';
import type { KnownUser } from '../user/user.state';
import type { Accounts } from './accounts';
import { ChallengeInvalid, issueChallenge, readChallenge } from './challenges';
import { newTotpSecret } from './credentials';
import { attempt, type SignInOutcome } from './sign-in-attempt';

/** A role that needs a second factor and has none yet: a new TOTP secret, for the authenticator app to take. */
export async function offerEnrolment(accounts: Accounts, user: KnownUser, revision: bigint): Promise<SignInOutcome> {
  const { secret, uri } = newTotpSecret(user.username, { issuer: accounts.settings.totpIssuer });
  return {
    kind: 'second_factor_enrolment_required',
    challenge: await issueChallenge(accounts, {
      username: user.username,
      step: 'second_factor_enrolment',
      revision,
      secret,
    }),
    secret,
    otpauthUri: uri,
  };
}

/** The first code from the authenticator app proves the secret was taken: it is sealed and kept, and the session starts. */
export async function completeEnrolment(
  accounts: Accounts,
  challengeToken: string,
  code: string,
  client: string,
  correlationId: string,
): Promise<SignInOutcome> {
  const challenge = await readChallenge(accounts, challengeToken, 'second_factor_enrolment');
  const { user } = await accounts.users.load(challenge.username);
  if (!user || !challenge.secret) throw new ChallengeInvalid();
  await enrolSecondFactor(
    accounts.users,
    accounts.vault,
    user,
    challenge.secret,
    code,
    correlationId,
    challenge.revision,
  );
  return attempt(accounts, user, { passwordValid: true, secondFactor: 'valid' }, client, correlationId);
}
