import type { UserEvent } from '../user.events';
import { active, requireReason } from '../user.guards';
import type { UserState } from '../user.state';
import type { DeactivateUser } from './deactivate-user.command';

export function decideDeactivateUser(command: DeactivateUser, state: UserState): UserEvent[] {
  const { username } = command.data;
  active(state, username);
  return [{ type: 'UserDeactivated', data: { username, reason: requireReason(command.data.reason) } }];
}
