import type { UserEvent } from '../user.events';
import { active } from '../user.guards';
import type { UserState } from '../user.state';
import type { ChangePassword } from './change-password.command';

export function decideChangePassword(command: ChangePassword, state: UserState): UserEvent[] {
  const { username, passwordHash } = command.data;
  active(state, username);
  return [{ type: 'UserPasswordChanged', data: { username, passwordHash } }];
}
