import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { RecordLegalBasis } from './record-legal-basis.command';

/** A lawful basis for sharing without consent. */
export class RecordLegalBasisRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: RecordLegalBasis['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordLegalBasisRequest)
export class RecordLegalBasisHandler implements ICommandHandler<RecordLegalBasisRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: RecordLegalBasisRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'RecordLegalBasis', data.caseId, (stamp) => ({
      type: 'RecordLegalBasis',
      data,
      ...stamp,
    }));
  }
}
