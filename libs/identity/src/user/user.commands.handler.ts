import type { CommandContext, CommandOutcome, CommandRunner } from '@ruamjai/event-store';
import type { Actor, Clock } from '@ruamjai/kernel';
import { randomUUID } from 'node:crypto';
import type { UserCommand } from './user.commands';
import { userDeciderIn } from './user.decider';
import { userStreamId, type UserEvent } from './user.events';
import { authoriseUserCommand } from './user.policy';
import type { KnownUser } from './user.state';

/** Someone acting on their own account before they hold a session. */
export const selfActor = (user: Pick<KnownUser, 'username' | 'agency' | 'role' | 'province'>): Actor => ({
  id: user.username,
  agency: user.agency,
  role: user.role,
  province: user.province,
});

/**
 * What every user use case does the same way: authorise by role and person before anything is read,
 * run the pure decider on the person's stream; and read an account as the decider sees it.
 */
export class UserCommands {
  private readonly decider;

  /** `deploymentProvince` is the province of accounts registered before provinces. */
  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    deploymentProvince: string,
  ) {
    this.decider = userDeciderIn(deploymentProvince);
  }

  now(): Date {
    return this.clock.now();
  }

  run(command: UserCommand, context: CommandContext): Promise<CommandOutcome<UserEvent>> {
    authoriseUserCommand(context.actor, command.type, command.data.username);
    return this.runner.run(this.decider, userStreamId(command.data.username), command, context);
  }

  /** A context for a step taken without a session (sign-in) or by the system: its own causation. */
  context(actor: Actor, correlationId: string, extra: Partial<CommandContext> = {}): CommandContext {
    return { actor, correlationId, causationId: randomUUID(), ...extra };
  }

  async load(username: string): Promise<{ user: KnownUser | undefined; revision: bigint }> {
    const { state, revision } = await this.runner.load(this.decider, userStreamId(username));
    return { user: state.status === 'unknown' ? undefined : state, revision };
  }
}
