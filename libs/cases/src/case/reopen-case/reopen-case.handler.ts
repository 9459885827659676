import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { ReopenCase } from './reopen-case.command';

/** A closed case reopened, with the reason in the log. */
export class ReopenCaseRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: ReopenCase['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReopenCaseRequest)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: ReopenCaseRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'ReopenCase', data.caseId, (stamp) => ({ type: 'ReopenCase', data, ...stamp }), {
      reason: data.reason,
    });
  }
}
