import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { RecordIdentification } from './record-identification.command';

/** The multidisciplinary team's identification of a victim, or not. */
export class RecordIdentificationRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: RecordIdentification['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordIdentificationRequest)
export class RecordIdentificationHandler implements ICommandHandler<RecordIdentificationRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: RecordIdentificationRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'RecordIdentification', data.caseId, (stamp) => ({
      type: 'RecordIdentification',
      data,
      ...stamp,
    }));
  }
}
