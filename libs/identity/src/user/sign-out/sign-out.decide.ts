import type { UserEvent } from '../user.events';
import { known } from '../user.guards';
import type { UserState } from '../user.state';
import type { SignOut } from './sign-out.command';

export function decideSignOut(command: SignOut, state: UserState): UserEvent[] {
  const { username, sessionId } = command.data;
  known(state, username);
  return [{ type: 'UserSignedOut', data: { username, sessionId } }];
}
