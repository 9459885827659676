import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { RefuseErasure } from './refuse-erasure.command';

/** An erasure request refused on a legal ground (the coordinator), its explanation in the log. */
export class RefuseErasureRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: RefuseErasure['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RefuseErasureRequest)
export class RefuseErasureHandler implements ICommandHandler<RefuseErasureRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: RefuseErasureRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(
      context,
      'RefuseErasure',
      data.caseId,
      (stamp) => ({ type: 'RefuseErasure', data, ...stamp }),
      { reason: data.explanation },
    );
  }
}
