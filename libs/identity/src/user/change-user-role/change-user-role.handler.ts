import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { SessionStore } from '../../sessions/session-store';
import type { UserCommands } from '../user.commands.handler';
import type { UserEvent } from '../user.events';
import type { ChangeUserRole } from './change-user-role.command';

/** The secretariat changes a person's role or agency, with a reason; their sessions end. */
export async function changeUserRole(
  users: UserCommands,
  sessions: SessionStore,
  username: string,
  data: Omit<ChangeUserRole['data'], 'username'>,
  context: CommandContext,
): Promise<CommandOutcome<UserEvent>> {
  const outcome = await users.run(
    { type: 'ChangeUserRole', data: { username, ...data }, actor: context.actor, at: users.now() },
    { ...context, reason: data.reason },
  );
  // The person's tokens carry the old role: they sign in again.
  await sessions.revokeAllOf(username, users.now(), 'role_changed');
  return outcome;
}
