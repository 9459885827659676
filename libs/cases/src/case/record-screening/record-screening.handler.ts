import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { RecordScreening } from './record-screening.command';

/** Screening records the indicators found and moves the case to identification. */
export class RecordScreeningRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: RecordScreening['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordScreeningRequest)
export class RecordScreeningHandler implements ICommandHandler<RecordScreeningRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: RecordScreeningRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'RecordScreening', data.caseId, (stamp) => ({
      type: 'RecordScreening',
      data,
      ...stamp,
    }));
  }
}
