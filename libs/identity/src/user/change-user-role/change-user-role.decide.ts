import { UserUnchanged } from '../user.errors';
import type { UserEvent } from '../user.events';
import { active, requireReason } from '../user.guards';
import type { UserState } from '../user.state';
import type { ChangeUserRole } from './change-user-role.command';

export function decideChangeUserRole(command: ChangeUserRole, state: UserState): UserEvent[] {
  const { username, role, agency } = command.data;
  const user = active(state, username);
  requireReason(command.data.reason);
  if (user.role === role && user.agency === agency) throw new UserUnchanged(username);
  return [
    {
      type: 'UserRoleChanged',
      data: { username, role, agency, previousRole: user.role, previousAgency: user.agency },
    },
  ];
}
