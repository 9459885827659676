import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { authoriseCommitmentCommand } from '../access/case-access';
import type { Stamp } from '../command';
import type { CommitmentCommand } from './commitment.commands';
import { commitmentDecider } from './commitment.decider';
import { commitmentStreamId, type CommitmentEvent } from './commitment.events';

type CommandOf<T extends CommitmentCommand['type']> = Extract<CommitmentCommand, { type: T }>;

/**
 * What every commitment use case does the same way: authorise by role before anything is read,
 * stamp the actor and the time, and run the pure decider.
 */
@Injectable()
export class CommitmentCommands {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run<T extends CommitmentCommand['type']>(
    context: CommandContext,
    type: T,
    build: (stamp: Stamp) => CommandOf<T> | Promise<CommandOf<T>>,
    reason?: string,
  ): Promise<CommandOutcome<CommitmentEvent>> {
    authoriseCommitmentCommand(context.actor, type);
    const command = await build({ actor: context.actor, at: this.clock.now() });
    return this.runner.run(
      commitmentDecider,
      commitmentStreamId(command.data.commitmentId),
      command,
      reason ? { ...context, reason } : context,
    );
  }
}
