import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { UserCommands } from '../user.commands.handler';
import type { UserEvent } from '../user.events';
import type { NotificationPreferences } from '../user.values';

/** How the person hears of things: the bell, an e-mail address, a daily digest. Their own, or the secretariat's for them. */
export function setNotificationPreferences(
  users: UserCommands,
  username: string,
  preferences: NotificationPreferences,
  context: CommandContext,
): Promise<CommandOutcome<UserEvent>> {
  return users.run(
    { type: 'SetNotificationPreferences', data: { username, ...preferences }, actor: context.actor, at: users.now() },
    context,
  );
}
