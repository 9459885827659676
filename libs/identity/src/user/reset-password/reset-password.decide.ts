import type { UserEvent } from '../user.events';
import { active } from '../user.guards';
import type { UserState } from '../user.state';
import type { ResetPassword } from './reset-password.command';

export function decideResetPassword(command: ResetPassword, state: UserState): UserEvent[] {
  const { username, passwordHash } = command.data;
  active(state, username);
  return [{ type: 'UserPasswordReset', data: { username, passwordHash } }];
}
