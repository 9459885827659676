import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { AssignCaseManager } from './assign-case-manager.command';

/** The case's manager. */
export class AssignCaseManagerRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: AssignCaseManager['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AssignCaseManagerRequest)
export class AssignCaseManagerHandler implements ICommandHandler<AssignCaseManagerRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: AssignCaseManagerRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'AssignCaseManager', data.caseId, (stamp) => ({
      type: 'AssignCaseManager',
      data,
      ...stamp,
    }));
  }
}
