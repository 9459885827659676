import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { AdvanceNrmStage } from './advance-nrm-stage.command';

/** A later stage of the national referral mechanism. */
export class AdvanceNrmStageRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: AdvanceNrmStage['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AdvanceNrmStageRequest)
export class AdvanceNrmStageHandler implements ICommandHandler<AdvanceNrmStageRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: AdvanceNrmStageRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'AdvanceNrmStage', data.caseId, (stamp) => ({
      type: 'AdvanceNrmStage',
      data,
      ...stamp,
    }));
  }
}
