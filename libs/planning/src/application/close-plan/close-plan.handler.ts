import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { ClosePlan } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';
import { PlanCommandHandler } from '../plan-command-handler';

export class ClosePlanCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: ClosePlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler extends PlanCommandHandler implements ICommandHandler<ClosePlanCommand> {
  execute({ data, context }: ClosePlanCommand): Promise<CommandOutcome<PlanEvent>> {
    return this.run('ClosePlan', data, { ...context, reason: data.resultsSummary });
  }
}
