import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { CloseCase } from './close-case.command';

/** A case closed with its outcome. */
export class CloseCaseRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: CloseCase['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CloseCaseRequest)
export class CloseCaseHandler implements ICommandHandler<CloseCaseRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: CloseCaseRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'CloseCase', data.caseId, (stamp) => ({ type: 'CloseCase', data, ...stamp }));
  }
}
