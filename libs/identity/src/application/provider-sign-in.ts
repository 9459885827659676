import { createHash, randomUUID } from 'node:crypto';
import {
  PROVIDER_REFUSALS_STREAM_PREFIX,
  PROVIDER_SIGN_IN_ACTOR,
  providerSignInRefusals,
} from '../user/provider-sign-in-refusals';
import { refuseProviderSignIn } from '../user/refuse-provider-sign-in/refuse-provider-sign-in.handler';
import { signInThroughProvider } from '../user/sign-in-through-provider/sign-in-through-provider.handler';
import type { UserEvent } from '../user/user.events';
import type { ProviderLink, ProviderRefusal } from '../user/user.values';
import type { Accounts } from './accounts';
import type { MappedIdentity } from './provider-claims';
import { issueSession, type IssuedSession } from './session-tokens';

/** What a sign-in through the OpenID provider leads to: a session, or a recorded refusal. */
export type ProviderSignInOutcome =
  | { readonly kind: 'signed_in'; readonly session: IssuedSession }
  | { readonly kind: 'refused'; readonly reason: ProviderRefusal };

/** The stream that keeps refusals of one provider subject with no account here. */
export const providerRefusalsStreamId = (link: ProviderLink): string =>
  PROVIDER_REFUSALS_STREAM_PREFIX +
  createHash('sha256').update(`${link.issuer}\n${link.subject}`).digest('hex').slice(0, 32);

/**
 * A person the OpenID provider vouched for (the relying party checked the ID token, nonce, state
 * and PKCE): recorded in the directory or brought up to date from the claims, and signed in with
 * the same kind of session as a password sign-in. A role or agency that changed at the provider is
 * a role change here, and ends the person's other sessions. Refusals are recorded too.
 */
export async function signInWithProvider(
  accounts: Accounts,
  provider: ProviderLink,
  identity: MappedIdentity,
  client: string,
  correlationId: string,
): Promise<ProviderSignInOutcome> {
  const { users, sessions, runner, clock, settings } = accounts;
  const now = clock.now();
  if (identity.kind === 'refused') {
    const { user } = identity.claimedUsername ? await users.load(identity.claimedUsername) : { user: undefined };
    // Only the subject the account is bound to speaks for it: anyone else's refusal goes on the
    // provider's refusals, not into another person's history.
    const own = user?.provider?.issuer === provider.issuer && user.provider.subject === provider.subject;
    if (user && own) {
      await refuseProviderSignIn(
        users,
        sessions,
        { username: user.username, provider, reason: identity.reason, client },
        correlationId,
        now,
      );
    } else {
      const { claimedUsername, claimedAgency, providerValues, reason } = identity;
      await runner.run(
        providerSignInRefusals,
        providerRefusalsStreamId(provider),
        {
          type: 'RecordProviderSignInRefusal',
          data: { ...provider, claimedUsername, claimedAgency, providerValues, reason, client },
          actor: PROVIDER_SIGN_IN_ACTOR,
          at: now,
        },
        users.context(PROVIDER_SIGN_IN_ACTOR, correlationId),
      );
    }
    return { kind: 'refused', reason: identity.reason };
  }
  const { username, displayName, role, agency } = identity;
  // A provider that sends no province signs people into the deployment's.
  const province = identity.province ?? settings.deploymentProvince;
  const sessionId = randomUUID();
  const outcome = await signInThroughProvider(
    users,
    {
      username,
      displayName,
      role,
      agency,
      province,
      provider,
      sessionId,
      client,
      linkExisting: settings.linkExistingAccounts ?? false,
    },
    correlationId,
    now,
  );
  const refusal = outcome.events.find(
    (e): e is Extract<UserEvent, { type: 'UserProviderSignInRefused' }> => e.type === 'UserProviderSignInRefused',
  );
  if (refusal) return { kind: 'refused', reason: refusal.data.reason };
  // Tokens already out carry the old role: those sessions end, as with the secretariat's role change.
  if (outcome.events.some((e) => e.type === 'UserRoleChanged'))
    await sessions.revokeAllOf(username, now, 'role_changed');
  const { refreshToken } = await sessions.start(username, now, settings.sessionLifetimeSeconds, sessionId);
  const { user } = await users.load(username);
  return { kind: 'signed_in', session: await issueSession(accounts, user!, sessionId, refreshToken) };
}
