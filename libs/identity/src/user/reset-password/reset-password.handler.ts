import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { hashPassword, oneTimePassword } from '../../application/credentials';
import type { SessionStore } from '../../sessions/session-store';
import type { UserCommands } from '../user.commands.handler';
import type { UserEvent } from '../user.events';

/** The secretariat gives a person a new one-time password; their sessions end. */
export async function resetPassword(
  users: UserCommands,
  sessions: SessionStore,
  username: string,
  context: CommandContext,
): Promise<{ outcome: CommandOutcome<UserEvent>; oneTimePassword: string }> {
  const password = oneTimePassword();
  const outcome = await users.run(
    {
      type: 'ResetPassword',
      data: { username, passwordHash: await hashPassword(password) },
      actor: context.actor,
      at: users.now(),
    },
    context,
  );
  await sessions.revokeAllOf(username, users.now(), 'password_reset');
  return { outcome, oneTimePassword: password };
}
