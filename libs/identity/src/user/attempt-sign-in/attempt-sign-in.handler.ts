import type { CommandOutcome } from '@ruamjai/event-store';
import { selfActor, type UserCommands } from '../user.commands.handler';
import type { UserEvent } from '../user.events';
import type { KnownUser } from '../user.state';
import type { LockoutPolicy, SignInCheck } from './attempt-sign-in.command';

/** Records a sign-in attempt with what the application checked: a success, a failure, or a lockout. */
export function attemptSignIn(
  users: UserCommands,
  user: KnownUser,
  data: { check: SignInCheck; sessionId: string; policy: LockoutPolicy; client: string },
  correlationId: string,
): Promise<CommandOutcome<UserEvent>> {
  return users.run(
    {
      type: 'AttemptSignIn',
      data: { username: user.username, ...data },
      actor: selfActor(user),
      at: users.now(),
    },
    users.context(selfActor(user), correlationId),
  );
}
