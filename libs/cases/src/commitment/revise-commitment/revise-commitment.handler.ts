import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CommitmentCommands } from '../commitment.commands.handler';
import type { CommitmentEvent } from '../commitment.events';
import type { ReviseCommitment } from './revise-commitment.command';

/** A pledge revised, with a reason. */
export class ReviseCommitmentRequest extends Command<CommandOutcome<CommitmentEvent>> {
  constructor(
    readonly data: ReviseCommitment['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseCommitmentRequest)
export class ReviseCommitmentHandler implements ICommandHandler<ReviseCommitmentRequest> {
  constructor(private readonly commitments: CommitmentCommands) {}

  execute({ data, context }: ReviseCommitmentRequest): Promise<CommandOutcome<CommitmentEvent>> {
    return this.commitments.run(
      context,
      'ReviseCommitment',
      (stamp) => ({ type: 'ReviseCommitment', data, ...stamp }),
      data.reason,
    );
  }
}
