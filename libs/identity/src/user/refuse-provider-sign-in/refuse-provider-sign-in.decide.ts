import type { UserEvent } from '../user.events';
import { known } from '../user.guards';
import type { UserState } from '../user.state';
import type { RefuseProviderSignIn } from './refuse-provider-sign-in.command';

export function decideRefuseProviderSignIn(command: RefuseProviderSignIn, state: UserState): UserEvent[] {
  const { username, provider, reason, client } = command.data;
  known(state, username);
  return [
    {
      type: 'UserProviderSignInRefused',
      data: { username, issuer: provider.issuer, subject: provider.subject, reason, client },
    },
  ];
}
