import type { SessionStore } from '../../sessions/session-store';
import { PROVIDER_SIGN_IN_ACTOR } from '../provider-sign-in-refusals';
import type { UserCommands } from '../user.commands.handler';
import type { RefuseProviderSignIn } from './refuse-provider-sign-in.command';

/**
 * The provider vouched for the person an account is bound to, with claims Ruamjai cannot use: the
 * refusal goes on their history, and the sessions opened with their old role or agency end.
 */
export async function refuseProviderSignIn(
  users: UserCommands,
  sessions: SessionStore,
  data: RefuseProviderSignIn['data'],
  correlationId: string,
  at: Date,
): Promise<void> {
  await users.run(
    { type: 'RefuseProviderSignIn', data, actor: PROVIDER_SIGN_IN_ACTOR, at },
    users.context(PROVIDER_SIGN_IN_ACTOR, correlationId),
  );
  // The provider took their role or agency away: sessions opened with it end now.
  await sessions.revokeAllOf(data.username, at, 'role_changed');
}
