import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CommitmentCommands } from '../commitment.commands.handler';
import type { CommitmentEvent } from '../commitment.events';
import type { RecordFulfilment } from './record-fulfilment.command';

/** A pledge fulfilled, in part or in whole. */
export class RecordFulfilmentRequest extends Command<CommandOutcome<CommitmentEvent>> {
  constructor(
    readonly data: RecordFulfilment['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordFulfilmentRequest)
export class RecordFulfilmentHandler implements ICommandHandler<RecordFulfilmentRequest> {
  constructor(private readonly commitments: CommitmentCommands) {}

  execute({ data, context }: RecordFulfilmentRequest): Promise<CommandOutcome<CommitmentEvent>> {
    return this.commitments.run(context, 'RecordFulfilment', (stamp) => ({ type: 'RecordFulfilment', data, ...stamp }));
  }
}
