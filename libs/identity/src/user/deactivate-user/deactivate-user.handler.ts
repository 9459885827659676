import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { SessionStore } from '../../sessions/session-store';
import type { UserCommands } from '../user.commands.handler';
import type { UserEvent } from '../user.events';

/** The secretariat deactivates an account, with a reason; its sessions end. */
export async function deactivateUser(
  users: UserCommands,
  sessions: SessionStore,
  username: string,
  reason: string,
  context: CommandContext,
): Promise<CommandOutcome<UserEvent>> {
  const outcome = await users.run(
    { type: 'DeactivateUser', data: { username, reason }, actor: context.actor, at: users.now() },
    { ...context, reason },
  );
  await sessions.revokeAllOf(username, users.now(), 'deactivated');
  return outcome;
}
