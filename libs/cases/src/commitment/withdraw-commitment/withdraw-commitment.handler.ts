import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CommitmentCommands } from '../commitment.commands.handler';
import type { CommitmentEvent } from '../commitment.events';
import type { WithdrawCommitment } from './withdraw-commitment.command';

/** A pledge withdrawn, with a reason. */
export class WithdrawCommitmentRequest extends Command<CommandOutcome<CommitmentEvent>> {
  constructor(
    readonly data: WithdrawCommitment['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawCommitmentRequest)
export class WithdrawCommitmentHandler implements ICommandHandler<WithdrawCommitmentRequest> {
  constructor(private readonly commitments: CommitmentCommands) {}

  execute({ data, context }: WithdrawCommitmentRequest): Promise<CommandOutcome<CommitmentEvent>> {
    return this.commitments.run(
      context,
      'WithdrawCommitment',
      (stamp) => ({ type: 'WithdrawCommitment', data, ...stamp }),
      data.reason,
    );
  }
}
